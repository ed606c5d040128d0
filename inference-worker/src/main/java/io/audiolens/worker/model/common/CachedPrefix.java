package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.api.PrefixCache;
import java.util.List;

/**
 * What {@link TransformerDecoder#prefill} leaves behind: each layer's keys/values (reused by every
 * last-token variant) and each layer's output at position P−1 (the penultimate token of the prompt).
 */
record CachedPrefix(List<KeyValues> keyValues, List<NDArray> penultimateResiduals, int length) implements PrefixCache {

    static CachedPrefix of(PrefixCache prefix) {
        if (prefix instanceof CachedPrefix cached) {
            return cached;
        }
        throw new IllegalArgumentException("a prefix cache of " + prefix.getClass().getSimpleName()
                + " cannot be extended by a TransformerDecoder; extend it with the decoder that made it");
    }

    @Override
    public NDArray penultimate(int layer) {
        return penultimateResiduals.get(layer - 1);
    }

    /** The keys/values of decoder layer {@code layer} (1-based). */
    KeyValues at(int layer) {
        return keyValues.get(layer - 1);
    }
}
