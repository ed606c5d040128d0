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
     * Several prompts' prefixes (P_b, D) in one pass, padded to the longest; no query sees another prompt
     * or a padding position, so each prompt's cache equals its own {@link #prefill(NDArray)} (up to the
     * rounding of larger matrix products).
     */
    PrefixBatch prefill(List<NDArray> prefixes);

    /**
     * The last tokens (D) of a batch of prompts, each at its own position P_b after its own prefix, all with
     * the same variants: the rows of every prompt run as one batch per layer.
     *
     * @param audioPositions per prompt, the positions its audio-masked row may not attend to
     * @return per prompt, in the batch's order, what {@link #extend(PrefixCache, NDArray, int[], LastTokenVariants)}
     *         would return for it
     */
    List<LastTokenStates> extend(PrefixBatch prefixes, List<NDArray> lastEmbeddings, List<int[]> audioPositions,
            LastTokenVariants variants);

    /**
     * The naive way, the independent reference path and the benchmarks' baseline: all T tokens through
     * every layer, the last token's attention row without the audio positions if {@code audioMasked}, and
     * the enrichment (or none, null) applied to the last token.
     *
     * @return each layer's output (T, D), l = 1..L
     */
    List<NDArray> fullForward(NDArray embeddings, int[] audioPositions, boolean audioMasked, Enrichment enrichment);
}
