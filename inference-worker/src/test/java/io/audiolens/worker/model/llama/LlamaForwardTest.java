package io.audiolens.worker.model.llama;

import static io.audiolens.worker.testing.TinyReference.elementwiseRelativeError;
import static io.audiolens.worker.testing.TinyReference.labelSoftmax;
import static io.audiolens.worker.testing.TinyReference.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.lens.LogitLens;
import io.audiolens.worker.testing.DecoderParity;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Llama-3 decoder against HF transformers' own numbers for the text-only fixture (GQA 4/1, θ 5e5). */
class LlamaForwardTest {
    private static final String FIXTURE = "llama-tiny-d";
    private static LlamaModel model;
    private static NDManager scope;
    private static NDList ref;
    private static JsonNode json;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(TinyReference.folder(FIXTURE), Device.cpu(), DataType.FLOAT32);
        scope = model.newCallManager();
        ref = TinyReference.arrays(FIXTURE, scope);
        json = TinyReference.json(FIXTURE);
    }

    @AfterAll
    static void close() {
        scope.close();
        model.close();
    }

    @Test
    void shouldTokenizeTheFixturesPromptAndLabelsAsHfDid() {
        assertArrayEquals(ref.get("input_ids").toLongArray(), model.tokenizer().encode(json.path("prompt").asText()));
        assertArrayEquals(ref.get("label_token_ids").toLongArray(),
                new long[] {model.tokenizer().encode(" male")[0], model.tokenizer().encode(" female")[0]});
    }

    @Test
    void shouldReproduceEveryLayersResidualsAtEveryPosition() {
        NDArray embeds = model.embed(scope, ref.get("input_ids").toLongArray());
        DecoderParity.assertResiduals(model.decoder(), embeds, ref.get("residuals"));
    }

    @Test
    void shouldMatchHfLensProbabilitiesAtEveryLayerAndTheModelsOwnAtTheLast() {
        int[] labels = StreamSupport.stream(json.path("label_token_ids").spliterator(), false).mapToInt(JsonNode::asInt)
                .toArray();
        NDArray embeds = model.embed(scope, ref.get("input_ids").toLongArray());
        List<NDArray> outputs = model.decoder().fullForward(embeds, new int[0], false, null);
        int t = (int) embeds.getShape().get(0);
        NDArray lastRows = NDArrays.stack(new NDList(outputs.stream().map(h -> h.get(t - 1)).toList()));
        float[][] lens = new LogitLens(model.lensHead(), labels).labelProbabilities(lastRows);
        double err = elementwiseRelativeError(lens, rows(ref.get("lens_last")));
        assertTrue(err < 1e-3, "lens relative error " + err);
        float[] own = labelSoftmax(ref.get("logits_last"), labels);
        double ownErr = elementwiseRelativeError(new float[][] {lens[lens.length - 1]}, new float[][] {own});
        assertTrue(ownErr < 1e-3, "lens at L vs the model's logits: relative error " + ownErr);
    }

    @Test
    void shouldAgreeWithTheNaivePathForMaskedAndEnrichedVariants() {
        NDArray embeds = model.embed(scope, ref.get("input_ids").toLongArray());
        DecoderParity.assertNaivePathAgrees(model.decoder(), embeds, IntStream.rangeClosed(3, 9).toArray(), 2);
    }

    @Test
    void shouldReadThetaFromTheConfigAndRefuseCheckpointsWithBiases() {
        JsonNode released = Checkpoint.readConfig(TinyReference.folder(FIXTURE));
        assertEquals(500000.0, LlamaConfig.fromJson(released).ropeTheta());
        assertEquals(1, LlamaConfig.fromJson(released).kvHeads());
        ObjectNode biased = ((ObjectNode) released.deepCopy()).put("attention_bias", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LlamaConfig.fromJson(biased));
        assertTrue(e.getMessage().contains("attention_bias"), e.getMessage());
    }
}
