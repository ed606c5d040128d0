package io.audiolens.app.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.prompt.Labels;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.model.api.training.LabelledClip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model the demo embeds (demo/audiolens-tiny), read by the lens on the bundled held-out sets
 * (demo/data/heldout, never seen in training), grouped by the engine that spoke each clip (the file name up
 * to its first "_"): accuracy averaged over P1–P3 at view "last" on the held-out voices of the engines it
 * was trained on (espeak-ng, Festival) and on the engine it never heard (Flite, which speaks English only).
 * And information that forms late on the espeak-ng clips, whose labels are balanced (43 % of the pooled
 * language clips are English, and an early layer that leans to "English" reads those right): layer 1
 * holds less than half of what layer L holds above chance, and the critical layer (Eq. 2–4 of
 * AudioLens, α = 0.2) lies in the upper half of the layers. Eq. 2–4 are
 * computed here by hand, apart from the aggregator's code, as a second method.
 */
class EmbeddedModelHeldOutTest {
    private static final Path MODEL = Path.of("../demo/audiolens-tiny");
    private static final Path DATA = Path.of("../demo/data");
    private static final double ALPHA = 0.2;
    private static final List<String> TRAINED_ENGINES = List.of("espeak-ng", "festival");
    private static final List<String> HELD_OUT_ENGINE = List.of("flite");
    private static final List<String> BALANCED = List.of("espeak-ng");
    // issue 14's bars (README, "The bundled model")
    private static final Map<Attribute, Double> TRAINED_BARS = Map.of(Attribute.GENDER, 0.95, Attribute.LANGUAGE, 0.85);
    private static final Map<Attribute, Double> HELD_OUT_ENGINE_BARS =
            Map.of(Attribute.GENDER, 0.85, Attribute.LANGUAGE, 0.60);
    /** hits[format][layer − 1] and clip count, per source, attribute and label */
    private static final Map<String, Map<Attribute, Map<String, Hits>>> hits = new TreeMap<>();
    /** "festival Italian → Spanish" and how many clip × prompt answers at layer L said so */
    private static final Map<String, Integer> mistakes = new TreeMap<>();
    private static int layers;

    /** Correct lens readings per prompt format and layer over {@code clips} clips. */
    private record Hits(int[][] correct, int[] clips) {
        static Hits empty(int layers) {
            return new Hits(new int[PromptFormat.values().length][layers], new int[1]);
        }

        void add(Hits other) {
            for (int f = 0; f < correct.length; f++) {
                for (int l = 0; l < correct[f].length; l++) {
                    correct[f][l] += other.correct[f][l];
                }
            }
            clips[0] += other.clips[0];
        }

        /** information[format][layer − 1]: the share of clips read correctly. */
        double[][] information() {
            double[][] scores = new double[correct.length][correct[0].length];
            for (int f = 0; f < correct.length; f++) {
                for (int l = 0; l < correct[f].length; l++) {
                    scores[f][l] = (double) correct[f][l] / clips[0];
                }
            }
            return scores;
        }
    }

    @BeforeAll
    static void readHeldOutClips() throws Exception {
        List<LabelledClip> clips = TrainingData.split(DATA, "heldout");
        try (LensRuntime runtime = LensRuntime.load(MODEL, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE)) {
            layers = runtime.layers();
            for (LabelledClip clip : clips) {
                String name = clip.file().getFileName().toString();
                Hits clipHits = hits.computeIfAbsent(name.substring(0, name.indexOf('_')), s -> new LinkedHashMap<>())
                        .computeIfAbsent(clip.attribute(), a -> new TreeMap<>())
                        .computeIfAbsent(clip.label(), l -> Hits.empty(layers));
                clipHits.clips()[0]++;
                try (ClipSession session = runtime.open(WavDecoder.decode(clip.file()).waveform())) {
                    for (PromptFormat format : PromptFormat.values()) {
                        float[][] probs = session.analyze(clip.attribute(), format, List.of()).view(View.LAST);
                        String answer = clip.attribute().labels().get(Labels.argmax(probs[layers - 1]));
                        if (!answer.equals(clip.label())) {
                            mistakes.merge(name.substring(0, name.indexOf('_')) + " " + clip.label() + " → " + answer, 1,
                                    Integer::sum);
                        }
                        for (int l = 0; l < layers; l++) {
                            clipHits.correct()[format.ordinal()][l] +=
                                    Labels.argmax(probs[l]) == clip.attribute().indexOf(clip.label()) ? 1 : 0;
                        }
                    }
                }
            }
        }
        hits.forEach((source, byAttribute) -> byAttribute.forEach((attribute, byLabel) ->
                System.out.println(source + " " + summary(attribute, byLabel))));
        System.out.println("wrong answers at layer L (clip × prompt): " + mistakes);
        for (Attribute attribute : List.of(Attribute.GENDER, Attribute.LANGUAGE)) {
            System.out.println("all " + attribute.name() + ": information by layer "
                    + format(meanOverFormats(pooled(hits.keySet(), attribute).information())));
        }
    }

    @AfterAll
    static void forget() {
        hits.clear();
        mistakes.clear();
    }

    @Test
    void shouldAnswerHeldOutVoicesOfTheTrainedEnginesAboveTheBars() {
        assertAbove(TRAINED_ENGINES, TRAINED_BARS);
    }

    @Test
    void shouldAnswerTheEngineNeverHeardInTrainingAboveTheBars() {
        assertAbove(HELD_OUT_ENGINE, HELD_OUT_ENGINE_BARS);
    }

    @Test
    void shouldHoldTheEnginesTheBarsName() {
        List<String> sources = new ArrayList<>(TRAINED_ENGINES);
        sources.addAll(HELD_OUT_ENGINE);
        assertEquals(new TreeSet<>(sources), hits.keySet(), "the sources of demo/data/heldout");
    }

    @Test
    void shouldGainInformationWithDepth() {
        assertAll(List.of(Attribute.GENDER, Attribute.LANGUAGE).stream().map(attribute -> () -> {
            double[] mean = meanOverFormats(pooled(BALANCED, attribute).information());
            double chance = attribute.chance();
            assertTrue(mean[0] < chance + 0.5 * (mean[layers - 1] - chance),
                    attribute.name() + ": layer 1 already holds most of the information: " + format(mean));
            double critical = criticalLayer(mean, chance);
            assertTrue(critical > layers / 2.0, attribute.name() + ": critical layer " + critical
                    + " is not in the upper half of the " + layers + " layers: " + format(mean));
        }));
    }

    private static void assertAbove(List<String> sources, Map<Attribute, Double> bars) {
        assertAll(bars.entrySet().stream().map(bar -> () -> {
            double accuracy = accuracy(pooled(sources, bar.getKey()).information());
            assertTrue(accuracy >= bar.getValue(),
                    sources + " " + bar.getKey().name() + " accuracy " + accuracy + " < " + bar.getValue());
        }));
    }

    /** Every clip of {@code sources} labelled for {@code attribute}, whatever its label. */
    private static Hits pooled(Collection<String> sources, Attribute attribute) {
        Hits all = Hits.empty(layers);
        sources.forEach(source -> hits.getOrDefault(source, Map.of()).getOrDefault(attribute, Map.of())
                .values().forEach(all::add));
        if (all.clips()[0] == 0) {
            throw new AssertionError("demo/data/heldout has no " + attribute.name() + " clip of " + sources);
        }
        return all;
    }

    /** Eq. 2 at layer L, averaged over P1–P3. */
    private static double accuracy(double[][] scores) {
        return meanOverFormats(scores)[layers - 1];
    }

    private static double[] meanOverFormats(double[][] scores) {
        double[] mean = new double[layers];
        for (double[] format : scores) {
            for (int l = 0; l < layers; l++) {
                mean[l] += format[l] / scores.length;
            }
        }
        return mean;
    }

    /** Eq. 3–4: the information-weighted mean layer (1-based); NaN when no layer beats (1+α)·chance. */
    private static double criticalLayer(double[] information, double chance) {
        double weighted = 0;
        double total = 0;
        for (int l = 1; l <= information.length; l++) {
            double s = Math.max(0, information[l - 1] - (1 + ALPHA) * chance);
            weighted += s * l;
            total += s;
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    /** "gender: accuracy 97.5 %, critical layer 6.12; P1 ...; male 100.0 % (12 clips), female ..." as Table II averages P1–P3. */
    private static String summary(Attribute attribute, Map<String, Hits> byLabel) {
        Hits all = Hits.empty(layers);
        byLabel.values().forEach(all::add);
        double[][] scores = all.information();
        double chance = attribute.chance();
        double meanCritical = 0;
        StringBuilder perPrompt = new StringBuilder();
        for (PromptFormat format : PromptFormat.values()) {
            double[] one = scores[format.ordinal()];
            double critical = criticalLayer(one, chance);
            meanCritical += critical / scores.length;
            perPrompt.append(String.format(Locale.ROOT, "; %s %.1f %% (critical layer %.2f)", format,
                    100 * one[layers - 1], critical));
        }
        StringBuilder perLabel = new StringBuilder();
        byLabel.forEach((label, h) -> perLabel.append(String.format(Locale.ROOT, "; %s %.1f %% (%d clips)", label,
                100 * accuracy(h.information()), h.clips()[0])));
        return String.format(Locale.ROOT, "%s: accuracy %.1f %% (%d clips), critical layer %.2f%s%s; information by layer %s",
                attribute.name(), 100 * accuracy(scores), all.clips()[0], meanCritical, perPrompt, perLabel,
                format(meanOverFormats(scores)));
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (double v : values) {
            text.append(text.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return text.append(']').toString();
    }
}
