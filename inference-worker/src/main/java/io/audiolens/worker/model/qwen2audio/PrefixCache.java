package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What the prompt's first P = T−1 tokens leave behind: each layer's keys/values (reused by every
 * last-token variant) and each layer's output at position P−1 (the penultimate token of the prompt).
 */
public record PrefixCache(List<KeyValues> keyValues, List<NDArray> penultimateResiduals, int length) {

    /** h^l at the penultimate prompt token, (D); layer is 1-based. */
    public NDArray penultimate(int layer) {
        return penultimateResiduals.get(layer - 1);
    }
}
