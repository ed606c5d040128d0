package io.audiolens.worker.testing;

import static io.audiolens.worker.testing.TinyReference.relativeError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixCache;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The decoder checks every family shares, against a reference's arrays: {@code residuals} (L, T, D) from the
 * reference's own input embeddings, and the last-token variants ({@code residuals_audio_masked},
 * {@code residuals_enriched_λ}) from the cached prefix. Relative errors, as the reference's values are small.
 */
public final class DecoderParity {
    public static final double TOLERANCE = 1e-4;

    private DecoderParity() {}

    /** Every layer's output at every position equals {@code residuals[l-1]}. */
    public static void assertResiduals(Decoder decoder, NDArray embeds, NDArray residuals) {
        List<NDArray> outputs = decoder.fullForward(embeds, new int[0], false, null);
        assertAll(IntStream.range(0, outputs.size()).mapToObj(l -> () ->
                assertClose("layer " + (l + 1), outputs.get(l), residuals.get(l))));
    }

    /**
     * The plain, penultimate, audio-masked and both enriched rows (λ = 0.5, 1.25 at {@code source → target})
     * from the cached prefix, at every layer.
     */
    public static LastTokenStates assertLastTokenVariants(Decoder decoder, NDList ref, int[] audioPositions, int source,
            int target) {
        NDArray embeds = ref.get("inputs_embeds");
        int t = (int) embeds.getShape().get(0);
        PrefixCache prefix = decoder.prefill(embeds.get(new NDIndex(":{}", t - 1)));
        List<Enrichment> enrichments = List.of(new Enrichment(source, target, 0.5), new Enrichment(source, target, 1.25));
        LastTokenStates last = decoder.extend(prefix, embeds.get(t - 1), audioPositions,
                LastTokenVariants.of(true, enrichments));
        for (int l = 1; l <= decoder.layers(); l++) {
            NDArray plain = ref.get("residuals").get(l - 1);
            assertClose("plain, layer " + l, last.plain(l), plain.get(t - 1));
            assertClose("penultimate, layer " + l, prefix.penultimate(l), plain.get(t - 2));
            assertClose("audio-masked, layer " + l, last.audioMasked(l), ref.get("residuals_audio_masked").get(l - 1).get(t - 1));
            assertClose("enriched 0.5, layer " + l, last.enriched(0, l), ref.get("residuals_enriched_0.5").get(l - 1).get(t - 1));
            assertClose("enriched 1.25, layer " + l, last.enriched(1, l), ref.get("residuals_enriched_1.25").get(l - 1).get(t - 1));
        }
        return last;
    }

    /** The cached last-token rows equal the naive full pass for the masked row and an enrichment ending at L. */
    public static void assertNaivePathAgrees(Decoder decoder, NDArray embeds, int[] audioPositions, int source) {
        int t = (int) embeds.getShape().get(0);
        int layers = decoder.layers();
        PrefixCache prefix = decoder.prefill(embeds.get(new NDIndex(":{}", t - 1)));
        Enrichment late = new Enrichment(source, layers, 2.0); // target = L: the edit is the final state
        LastTokenStates last = decoder.extend(prefix, embeds.get(t - 1), audioPositions,
                LastTokenVariants.of(true, List.of(late)));
        List<NDArray> masked = decoder.fullForward(embeds, audioPositions, true, null);
        List<NDArray> enriched = decoder.fullForward(embeds, audioPositions, false, late);
        for (int l = 1; l <= layers; l++) {
            assertClose("masked, layer " + l, last.audioMasked(l), masked.get(l - 1).get(t - 1));
            assertClose("enriched " + source + "->" + layers + ", layer " + l, last.enriched(0, l),
                    enriched.get(l - 1).get(t - 1));
        }
    }

    public static void assertClose(String what, NDArray actual, NDArray expected) {
        double err = relativeError(actual, expected);
        assertTrue(err < TOLERANCE, what + ": relative error " + err);
    }
}
