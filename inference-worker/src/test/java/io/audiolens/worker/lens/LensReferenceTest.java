package io.audiolens.worker.lens;

import static io.audiolens.worker.testing.TinyReference.elementwiseRelativeError;
import static io.audiolens.worker.testing.TinyReference.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.qwen2audio.Enrichment;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.prompt.Qwen2AudioChatTemplate;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lens views, the prediction and the enriched answers against HF transformers for the fixture. */
class LensReferenceTest {
    private static final double TOLERANCE = 1e-3;
    private static LensRuntime runtime;
    private static NDManager scope;
    private static NDList ref;
    private static JsonNode json;
    private static LensReport report;
    private static float[] ownFinal;

    @BeforeAll
    static void analyze() {
        runtime = LensRuntime.load(TinyReference.FOLDER, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE);
        scope = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        ref = TinyReference.arrays(scope);
        json = TinyReference.json();
        int frames = json.path("feature_frames").asInt();
        try (ClipSession clip = runtime.open(ref.get("input_features").toFloatArray(), frames)) {
            report = clip.analyze(Attribute.ANIMAL, PromptFormat.P3,
                    List.of(new Enrichment(2, 7, 0.5), new Enrichment(2, 7, 1.25)));
            ownFinal = clip.forward(Attribute.ANIMAL, PromptFormat.P3);
        }
    }

    @AfterAll
    static void close() {
        scope.close();
        runtime.close();
    }

    @Test
    void shouldRenderTheFixturesPromptAndTokenizeItIdentically() {
        assertEquals(json.path("prompt").asText(), Qwen2AudioChatTemplate.render(Attribute.ANIMAL, PromptFormat.P3));
        assertArrayEquals(ref.get("input_ids").toLongArray(), runtime.promptIds(Attribute.ANIMAL, PromptFormat.P3, 50));
        assertEquals(json.path("seq_len").asInt(), report.promptTokens());
        assertEquals(json.path("n_audio_tokens").asInt(), report.audioTokens());
        int[] expectedLabels = IntStream.range(0, 9).map(i -> json.path("label_token_ids").get(i).asInt()).toArray();
        assertArrayEquals(expectedLabels, report.labelTokenIds());
    }

    @Test
    void shouldMatchHfLensProbabilitiesForAllThreeViews() {
        assertClose("last", report.view(View.LAST), rows(ref.get("lens_last")));
        assertClose("penultimate", report.view(View.PENULTIMATE), rows(ref.get("lens_penultimate")));
        assertClose("last_audio_masked", report.view(View.LAST_AUDIO_MASKED), rows(ref.get("lens_last_audio_masked")));
    }

    @Test
    void shouldMatchHfFinalAnswersOfBothEnrichedVariants() {
        assertClose("enriched 0.5", new float[][] {report.enrichment().get(0).finalProbs()},
                new float[][] {labelSoftmax(ref.get("logits_last_enriched_0.5"))});
        assertClose("enriched 1.25", new float[][] {report.enrichment().get(1).finalProbs()},
                new float[][] {labelSoftmax(ref.get("logits_last_enriched_1.25"))});
    }

    @Test
    void shouldHaveTheLensAtTheLastLayerEqualTheModelsOwnNextTokenDistribution() {
        float[] lensAtL = report.view(View.LAST)[report.layers() - 1];
        float[] own = labelSoftmax(ref.get("logits_last"));
        assertClose("layer L vs HF logits", new float[][] {lensAtL}, new float[][] {own});
        assertClose("layer L vs this run's full forward pass", new float[][] {lensAtL}, new float[][] {ownFinal});
        int expected = IntStream.range(0, own.length).reduce((a, b) -> own[b] > own[a] ? b : a).orElseThrow();
        assertEquals(Attribute.ANIMAL.labels().get(expected), report.prediction());
    }

    /** Full-vocabulary softmax of a logit vector, computed here in double, read at the fixture's label ids. */
    private static float[] labelSoftmax(NDArray logits) {
        float[] z = logits.toFloatArray();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v - max);
        }
        float[] out = new float[9];
        for (int i = 0; i < 9; i++) {
            out[i] = (float) (Math.exp(z[json.path("label_token_ids").get(i).asInt()] - max) / sum);
        }
        return out;
    }

    private static void assertClose(String what, float[][] actual, float[][] expected) {
        double err = elementwiseRelativeError(actual, expected);
        assertTrue(err < TOLERANCE, what + ": relative error " + err);
    }
}
