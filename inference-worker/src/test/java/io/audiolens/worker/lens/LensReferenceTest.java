package io.audiolens.worker.lens;

import static io.audiolens.worker.testing.TinyReference.elementwiseRelativeError;
import static io.audiolens.worker.testing.TinyReference.labelSoftmax;
import static io.audiolens.worker.testing.TinyReference.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.TinyReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lens views, the prediction and the enriched answers of every audio family against its reference
 * implementation: HF transformers for Qwen2-Audio, Qwen-Audio-Chat's own code for Qwen-Audio, DeSTA2's and
 * AudioLens's own code for DeSTA2. Each fixture is read with the prompt it was made with (its attribute,
 * P3) and its own enrichment (source → target, two λ).
 */
class LensReferenceTest {
    private static final double TOLERANCE = 1e-3;
    private static final NDManager SCOPE = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    private static final Map<String, Case> CASES = new HashMap<>();

    /** One fixture read through the lens. */
    private record Case(JsonNode json, NDList ref, LensReport report, float[] ownFinal) {
        Attribute attribute() {
            return Attribute.named(json.path("attribute").asText());
        }

        int[] labelIds(String key) {
            return StreamSupport.stream(json.path(key).spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        }
    }

    private static Case of(String fixture) {
        return CASES.computeIfAbsent(fixture, name -> {
            JsonNode json = TinyReference.json(name);
            NDList ref = TinyReference.arrays(name, SCOPE);
            JsonNode e = json.path("enrichment");
            List<Enrichment> enrichments = StreamSupport.stream(e.path("lambdas").spliterator(), false)
                    .map(l -> new Enrichment(e.path("source_layer").asInt(), e.path("target_layer").asInt(), l.asDouble()))
                    .toList();
            Attribute attribute = Attribute.named(json.path("attribute").asText());
            try (LensRuntime runtime = LensRuntime.load(TinyReference.folder(name), Device.cpu(), DataType.FLOAT32,
                    LabelTokenMode.LEADING_SPACE);
                    ClipSession clip = runtime.open(features(json, ref))) {
                return new Case(json, ref, clip.analyze(attribute, PromptFormat.P3, enrichments),
                        clip.forward(attribute, PromptFormat.P3));
            }
        });
    }

    /** The reference's own input features, so that the lens is compared on identical inputs. */
    private static LogMelFeatures features(JsonNode json, NDList ref) {
        long melBins = ref.get("input_features").getShape().get(0);
        LogMelFeatures features = new LogMelFeatures(ref.get("input_features").toFloatArray(), (int) melBins,
                (int) Math.round(json.path("seconds").asDouble() * 16_000));
        assertEquals(ref.get("feature_frames").getLong(), features.realFrames());
        return features;
    }

    @AfterAll
    static void close() {
        SCOPE.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldReadTheFixturesPromptWithItsAudioAndLabelTokens(String fixture) {
        Case c = of(fixture);
        assertEquals(c.json().path("seq_len").asInt(), c.report().promptTokens());
        assertEquals(c.json().path("n_audio_tokens").asInt(), c.report().audioTokens());
        assertArrayEquals(c.labelIds("label_token_ids"), c.report().labelTokenIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldMatchTheReferenceLensProbabilitiesForAllThreeViews(String fixture) {
        Case c = of(fixture);
        assertClose("last", c.report().view(View.LAST), rows(c.ref().get("lens_last")));
        assertClose("penultimate", c.report().view(View.PENULTIMATE), rows(c.ref().get("lens_penultimate")));
        assertClose("last_audio_masked", c.report().view(View.LAST_AUDIO_MASKED),
                rows(c.ref().get("lens_last_audio_masked")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldMatchTheReferenceFinalAnswersOfBothEnrichedVariants(String fixture) {
        Case c = of(fixture);
        int[] labels = c.labelIds("label_token_ids");
        for (int i = 0; i < 2; i++) {
            String lambda = c.json().path("enrichment").path("lambdas").get(i).asText();
            assertClose("enriched " + lambda, new float[][] {c.report().enrichment().get(i).finalProbs()},
                    new float[][] {labelSoftmax(c.ref().get("logits_last_enriched_" + lambda), labels)});
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldHaveTheLensAtTheLastLayerEqualTheModelsOwnNextTokenDistribution(String fixture) {
        Case c = of(fixture);
        float[] lensAtL = c.report().view(View.LAST)[c.report().layers() - 1];
        float[] own = labelSoftmax(c.ref().get("logits_last"), c.labelIds("label_token_ids"));
        assertClose("layer L vs the reference's logits", new float[][] {lensAtL}, new float[][] {own});
        assertClose("layer L vs this run's full forward pass", new float[][] {lensAtL}, new float[][] {c.ownFinal()});
        int expected = IntStream.range(0, own.length).reduce((a, b) -> own[b] > own[a] ? b : a).orElseThrow();
        assertEquals(c.attribute().labels().get(expected), c.report().prediction());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldReadTheBareLabelsFirstTokensAsThePapersCodeDoesWithNoSpace(String fixture) {
        JsonNode json = TinyReference.json(fixture);
        NDList ref = TinyReference.arrays(fixture, SCOPE);
        Attribute attribute = Attribute.named(json.path("attribute").asText());
        try (LensRuntime runtime = LensRuntime.load(TinyReference.folder(fixture), Device.cpu(), DataType.FLOAT32,
                LabelTokenMode.NO_SPACE);
                ClipSession clip = runtime.open(features(json, ref))) {
            LensReport report = clip.analyze(attribute, PromptFormat.P3, List.of());
            assertArrayEquals(Arrays.stream(ref.get("label_token_ids_nospace").toLongArray()).mapToInt(Math::toIntExact)
                    .toArray(), report.labelTokenIds());
            assertClose("last, no space", report.view(View.LAST), rows(ref.get("lens_last_nospace")));
        }
    }

    private static void assertClose(String what, float[][] actual, float[][] expected) {
        double err = elementwiseRelativeError(actual, expected);
        assertTrue(err < TOLERANCE, what + ": relative error " + err);
    }
}
