package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDArray;

/** What a prompt's first P = T−1 tokens leave behind for the last token's variants. */
public interface PrefixCache {

    /** P */
    int length();

    /** h^l at the penultimate prompt token (position P−1), (D); layer is 1-based. */
    NDArray penultimate(int layer);
}
