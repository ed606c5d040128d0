package io.audiolens.app.train;

import static org.junit.jupiter.api.Assertions.assertAll;
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
import io.audiolens.worker.model.qwen2audio.training.LabelledClip;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model the demo embeds (demo/audiolens-tiny), read by the lens on the bundled held-out voices
 * (demo/data/heldout, never seen in training): accuracy averaged over P1–P3 at view "last", and
 * information that forms late: layer 1 holds less than half of what layer L holds above chance, and the
 * critical layer (Eq. 2–4 of AudioLens, α = 0.2) lies in the upper half of the layers. Eq. 2–4 are
 * computed here by hand, apart from the aggregator's code, as a second method.
 */
class EmbeddedModelHeldOutTest {
    private static final Path MODEL = Path.of("../demo/audiolens-tiny");
    private static final Path DATA = Path.of("../demo/data");
    private static final double ALPHA = 0.2;
    private static final Map<Attribute, Double> REQUIRED = Map.of(Attribute.GENDER, 0.90, Attribute.LANGUAGE, 0.75);
    /** information[attribute][format][layer − 1] */
    private static final Map<Attribute, double[][]> information = new LinkedHashMap<>();
    private static int layers;

    @BeforeAll
    static void readHeldOutClips() throws Exception {
        List<LabelledClip> clips = TrainingData.split(DATA, "heldout");
        try (LensRuntime runtime = LensRuntime.load(MODEL, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE)) {
            layers = runtime.layers();
            Map<Attribute, int[][]> correct = new LinkedHashMap<>();
            Map<Attribute, Integer> counts = new LinkedHashMap<>();
            for (LabelledClip clip : clips) {
                int[][] hits = correct.computeIfAbsent(clip.attribute(), a -> new int[PromptFormat.values().length][layers]);
                counts.merge(clip.attribute(), 1, Integer::sum);
                try (ClipSession session = runtime.open(WavDecoder.decode(clip.file()).waveform())) {
                    for (PromptFormat format : PromptFormat.values()) {
                        float[][] probs = session.analyze(clip.attribute(), format, List.of()).view(View.LAST);
                        for (int l = 0; l < layers; l++) {
                            hits[format.ordinal()][l] += Labels.argmax(probs[l]) == clip.attribute().indexOf(clip.label()) ? 1 : 0;
                        }
                    }
                }
            }
            correct.forEach((attribute, hits) -> {
                double[][] scores = new double[hits.length][layers];
                for (int f = 0; f < hits.length; f++) {
                    for (int l = 0; l < layers; l++) {
                        scores[f][l] = (double) hits[f][l] / counts.get(attribute);
                    }
                }
                information.put(attribute, scores);
            });
        }
        information.forEach((attribute, scores) -> System.out.println(summary(attribute, scores)));
    }

    @AfterAll
    static void forget() {
        information.clear();
    }

    @Test
    void shouldAnswerHeldOutVoicesAboveTheBars() {
        assertAll(REQUIRED.entrySet().stream().map(bar -> () -> {
            double accuracy = accuracy(information.get(bar.getKey()));
            assertTrue(accuracy >= bar.getValue(), bar.getKey().name() + " accuracy " + accuracy + " < " + bar.getValue());
        }));
    }

    @Test
    void shouldGainInformationWithDepth() {
        assertAll(information.entrySet().stream().map(e -> () -> {
            double[] mean = meanOverFormats(e.getValue());
            double chance = e.getKey().chance();
            assertTrue(mean[0] < chance + 0.5 * (mean[layers - 1] - chance),
                    e.getKey().name() + ": layer 1 already holds most of the information: " + format(mean));
            double critical = criticalLayer(mean, chance);
            assertTrue(critical > layers / 2.0, e.getKey().name() + ": critical layer " + critical
                    + " is not in the upper half of the " + layers + " layers: " + format(mean));
        }));
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

    /** "gender: accuracy 97.5 %, critical layer 6.12; P1 ... ; information by layer [...]" with P1–P3 averaged as Table II does. */
    private static String summary(Attribute attribute, double[][] scores) {
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
        return String.format(Locale.ROOT, "%s: accuracy %.1f %%, critical layer %.2f%s; information by layer %s",
                attribute.name(), 100 * accuracy(scores), meanCritical, perPrompt, format(meanOverFormats(scores)));
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (double v : values) {
            text.append(text.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return text.append(']').toString();
    }
}
