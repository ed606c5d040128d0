package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.runtime.Constants;

/** Scaled dot-product attention over heads. H heads, T queries, S keys, K head size. */
final class Attention {
    private Attention() {}

    /**
     * @param query (H, T, K)
     * @param key   (H, S, K)
     * @param value (H, S, K)
     * @param mask  additive (T, S), or null for none
     * @return (H, T, K)
     */
    static NDArray attend(NDArray query, NDArray key, NDArray value, NDArray mask) {
        double scale = 1.0 / Math.sqrt(query.getShape().get(2));
        NDArray scores = Constants.times(query.matMul(key.transpose(0, 2, 1)), scale); // (H, T, S)
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1).matMul(value);
    }

    /** (T, H*K) -> (H, T, K) */
    static NDArray splitHeads(NDArray x, int heads) {
        long t = x.getShape().get(0);
        return x.reshape(t, heads, -1).transpose(1, 0, 2);
    }

    /** (H, T, K) -> (T, H*K) */
    static NDArray mergeHeads(NDArray x) {
        long t = x.getShape().get(1);
        return x.transpose(1, 0, 2).reshape(t, -1);
    }
}
