package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDArray;

/** The last token's residual stream h^l (D) for each row of a last-token batch, by name. Layers are 1-based. */
public interface LastTokenStates {

    int layers();

    /** h^l of the plain prompt's last token. */
    NDArray plain(int layer);

    /** h^l of the last token with the audio positions removed from its attention in every layer. */
    NDArray audioMasked(int layer);

    /** h^l of the last token under the caller's {@code enrichment}-th enrichment. */
    NDArray enriched(int enrichment, int layer);
}
