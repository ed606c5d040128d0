package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A decoder run the AudioLens way: a prompt's prefix (all tokens but the last) once, then every
 * last-token variant as a row of one batch that reuses the prefix's keys and values. Layers are 1-based:
 * {@code h^l} is the output of decoder layer l, before the final norm. P prefix tokens, D width.
 */
public interface Decoder {

    int layers();

    /** Runs the prefix (P, D) with a causal mask and keeps what every variant of the last token reuses. */
    PrefixCache prefill(NDArray prefix);

    /**
     * Runs the last token (D) at position P for the plain prompt and the requested variants.
     *
     * @param audioPositions the positions the audio-masked row may not attend to
     */
    LastTokenStates extend(PrefixCache prefix, NDArray lastEmbedding, int[] audioPositions, LastTokenVariants variants);

    /**
     * The naive way, the independent reference path and the benchmarks' baseline: all T tokens through
     * every layer, the last token's attention row without the audio positions if {@code audioMasked}, and
     * the enrichment (or none, null) applied to the last token.
     *
     * @return each layer's output (T, D), l = 1..L
     */
    List<NDArray> fullForward(NDArray embeddings, int[] audioPositions, boolean audioMasked, Enrichment enrichment);
}
