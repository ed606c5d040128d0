package io.audiolens.worker.model.qwen2audio;

import static io.audiolens.worker.testing.DecoderParity.assertClose;
import static io.audiolens.worker.testing.TinyReference.relativeError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.common.PackedPrompts;
import io.audiolens.worker.testing.DecoderParity;
import io.audiolens.worker.testing.TinyReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forward pass against HF transformers' own numbers for the tiny fixture. */
class Qwen2AudioForwardTest {
    private static Qwen2AudioModel model;
    private static NDManager scope;
    private static NDList ref;
    private static long[] ids;
    private static int[] audioPositions;
    private static int t;

    @BeforeAll
    static void load() {
        model = Qwen2AudioModel.load(Checkpoint.open(TinyReference.FOLDER), Device.cpu(), DataType.FLOAT32);
        scope = model.newCallManager();
        ref = TinyReference.arrays(scope);
        ids = ref.get("input_ids").toLongArray();
        t = ids.length;
        audioPositions = IntStream.range(0, t).filter(i -> ids[i] == model.config().audioTokenId()).toArray();
    }

    @AfterAll
    static void close() {
        scope.close();
        model.close();
    }

    @Test
    void shouldMergeAudioIntoTheInputEmbeddingsAsHfDoes() {
        int frames = (int) ref.get("feature_frames").toLongArray()[0];
        NDArray audio = model.audioEmbeddings(ref.get("input_features"), frames);
        assertTrue(audio.getShape().get(0) == 50, "audio tokens " + audio.getShape());
        assertTrue(relativeError(model.inputEmbeddings(scope, ids, audio), ref.get("inputs_embeds")) < DecoderParity.TOLERANCE);
    }

    @Test
    void shouldReproduceEveryLayersResidualsAtEveryPosition() {
        DecoderParity.assertResiduals(model.decoder(), ref.get("inputs_embeds"), ref.get("residuals"));
    }

    @Test
    void shouldReproduceTheLastTokenVariantsFromTheCachedPrefix() {
        LastTokenStates last = DecoderParity.assertLastTokenVariants(model.decoder(), ref, audioPositions, 2, 7);
        assertClose("enriched 1.25 logits", model.logits(last.enriched(1, 8).expandDims(0)).get(0),
                ref.get("logits_last_enriched_1.25"));
        assertClose("audio-masked logits", model.logits(last.audioMasked(8).expandDims(0)).get(0),
                ref.get("logits_last_audio_masked"));
    }

    @Test
    void shouldAgreeWithTheNaivePathForMaskedAndEnrichedVariants() {
        DecoderParity.assertNaivePathAgrees(model.decoder(), ref.get("inputs_embeds"), audioPositions, 3);
    }

    @Test
    void shouldRunPackedPromptsAsIfEachRanAlone() {
        NDArray embeds = ref.get("inputs_embeds");
        NDArray lastLayer = ref.get("residuals").get(7);
        int shared = t - 4;
        // the shared start, the rest of the prompt twice (both continue the start), the whole prompt on its own
        PackedPrompts packing = new PackedPrompts(new int[] {shared, t - shared, t - shared, t}, new int[] {-1, 0, 0, -1});
        NDArray rest = embeds.get(new NDIndex("{}:", shared));
        NDArray out = model.decoder().packedForward(
                NDArrays.concat(new NDList(embeds.get(new NDIndex(":{}", shared)), rest, rest, embeds), 0), packing).get(7);
        assertClose("shared start", rows(out, 0, shared), lastLayer.get(new NDIndex(":{}", shared)));
        assertClose("first continuation", rows(out, packing.start(1), t - shared), lastLayer.get(new NDIndex("{}:", shared)));
        assertClose("second continuation", rows(out, packing.start(2), t - shared), lastLayer.get(new NDIndex("{}:", shared)));
        assertClose("prompt of its own", rows(out, packing.start(3), t), lastLayer);
    }

    private static NDArray rows(NDArray x, int from, int count) {
        return x.get(new NDIndex("{}:{}", from, from + count));
    }
}
