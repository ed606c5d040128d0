package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.model.api.PrefixBatch;
import io.audiolens.worker.model.api.PrefixCache;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link TransformerDecoder#prefill(List)} leaves behind for B prompts padded to P positions: each
 * layer's keys/values (B, G, P, K), each prompt's length and its outputs at its own penultimate position.
 */
record CachedPrefixBatch(List<KeyValues> keyValues, List<List<NDArray>> penultimateResiduals, int[] lengths)
        implements PrefixBatch {

    static CachedPrefixBatch of(PrefixBatch prefixes) {
        if (prefixes instanceof CachedPrefixBatch cached) {
            return cached;
        }
        throw new IllegalArgumentException("a prefix batch of " + prefixes.getClass().getSimpleName()
                + " cannot be extended by a TransformerDecoder; extend it with the decoder that made it");
    }

    @Override
    public int size() {
        return lengths.length;
    }

    /** Prompt {@code index}'s own cache, its keys/values cut to its length: it can be extended alone too. */
    @Override
    public PrefixCache prompt(int index) {
        NDIndex own = new NDIndex("{}, :, :{}, :", index, lengths[index]);
        List<KeyValues> cache = keyValues.stream().map(kv -> new KeyValues(kv.keys().get(own), kv.values().get(own)))
                .toList();
        return new CachedPrefix(cache, penultimateResiduals.get(index), lengths[index]);
    }

    /** The keys/values of decoder layer {@code layer} (1-based), (B, G, P, K). */
    KeyValues at(int layer) {
        return keyValues.get(layer - 1);
    }

    /** P, the longest prompt's length, to which the others are padded. */
    int padded() {
        return Arrays.stream(lengths).max().orElseThrow();
    }

    /** P_b of every prompt. */
    @Override
    public int[] lengths() {
        return lengths.clone();
    }
}
