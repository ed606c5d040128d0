package io.audiolens.worker.model.qwen2audio;

import static io.audiolens.worker.testing.TinyReference.relativeError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forward pass against HF transformers' own numbers for the tiny fixture. */
class Qwen2AudioForwardTest {
    private static final double TOLERANCE = 1e-4;
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
        assertTrue(relativeError(model.inputEmbeddings(scope, ids, audio), ref.get("inputs_embeds")) < TOLERANCE);
    }

    @Test
    void shouldReproduceEveryLayersResidualsAtEveryPosition() {
        List<NDArray> outputs = model.decoder().fullForward(ref.get("inputs_embeds"), audioPositions, false, null);
        assertAll(IntStream.range(0, outputs.size()).mapToObj(l -> () -> {
            double err = relativeError(outputs.get(l), ref.get("residuals").get(l));
            assertTrue(err < TOLERANCE, "layer " + (l + 1) + " rel error " + err);
        }));
    }

    @Test
    void shouldReproduceTheLastTokenVariantsFromTheCachedPrefix() {
        NDArray embeds = ref.get("inputs_embeds");
        PrefixCache prefix = model.decoder().prefill(embeds.get(new NDIndex(":{}", t - 1)));
        List<Enrichment> enrichments = List.of(new Enrichment(2, 7, 0.5), new Enrichment(2, 7, 1.25));
        LastTokenStates last = model.decoder().extend(prefix, embeds.get(t - 1), audioPositions, true, enrichments);
        for (int l = 1; l <= 8; l++) {
            NDArray plain = ref.get("residuals").get(l - 1);
            assertClose("plain, layer " + l, last.plain(l), plain.get(t - 1));
            assertClose("penultimate, layer " + l, prefix.penultimate(l), plain.get(t - 2));
            assertClose("audio-masked, layer " + l, last.audioMasked(l), ref.get("residuals_audio_masked").get(l - 1).get(t - 1));
            assertClose("enriched 0.5, layer " + l, last.enriched(0, l), ref.get("residuals_enriched_0.5").get(l - 1).get(t - 1));
            assertClose("enriched 1.25, layer " + l, last.enriched(1, l), ref.get("residuals_enriched_1.25").get(l - 1).get(t - 1));
        }
        assertClose("enriched 1.25 logits", model.logits(last.enriched(1, 8).expandDims(0)).get(0),
                ref.get("logits_last_enriched_1.25"));
        assertClose("audio-masked logits", model.logits(last.audioMasked(8).expandDims(0)).get(0),
                ref.get("logits_last_audio_masked"));
    }

    @Test
    void shouldAgreeWithTheNaivePathForMaskedAndEnrichedVariants() {
        NDArray embeds = ref.get("inputs_embeds");
        PrefixCache prefix = model.decoder().prefill(embeds.get(new NDIndex(":{}", t - 1)));
        Enrichment late = new Enrichment(3, 8, 2.0); // target = L: the edit is the final state
        LastTokenStates last = model.decoder().extend(prefix, embeds.get(t - 1), audioPositions, true, List.of(late));
        List<NDArray> masked = model.decoder().fullForward(embeds, audioPositions, true, null);
        List<NDArray> enriched = model.decoder().fullForward(embeds, audioPositions, false, late);
        for (int l = 1; l <= 8; l++) {
            assertClose("masked, layer " + l, last.audioMasked(l), masked.get(l - 1).get(t - 1));
            assertClose("enriched 3->8, layer " + l, last.enriched(0, l), enriched.get(l - 1).get(t - 1));
        }
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

    private static void assertClose(String what, NDArray actual, NDArray expected) {
        double err = relativeError(actual, expected);
        assertTrue(err < TOLERANCE, what + ": relative error " + err);
    }
}
