package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.runtime.Constants;

/**
 * Scaled dot-product attention with grouped queries: H query heads share G key/value heads, R = H/G
 * consecutive query heads per key/value head (HF's {@code repeat_kv} order). The softmax runs in float32
 * whatever the compute type, as HF's eager attention does. T queries, S keys, K head size.
 */
public final class Attention {
    private Attention() {}

    /**
     * @param query (H, T, K)
     * @param key   (G, S, K)
     * @param value (G, S, K)
     * @param mask  additive float32 (T, S), or null for none
     * @return (H, T, K)
     */
    public static NDArray attend(NDArray query, NDArray key, NDArray value, NDArray mask) {
        long h = query.getShape().get(0);
        long t = query.getShape().get(1);
        long k = query.getShape().get(2);
        long g = key.getShape().get(0);
        long s = key.getShape().get(1);
        long r = h / g;
        double scale = 1.0 / Math.sqrt(k);
        NDArray grouped = query.reshape(g, r * t, k);                                         // (G, R·T, K)
        NDArray scores = Constants.times(grouped.matMul(key.transpose(0, 2, 1)), scale);     // (G, R·T, S)
        scores = scores.reshape(g, r, t, s).toType(DataType.FLOAT32, false);                  // (G, R, T, S)
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray weights = scores.softmax(-1).toType(query.getDataType(), false).reshape(g, r * t, s);
        return weights.matMul(value).reshape(h, t, k);                                        // (H, T, K)
    }

    /** (T, H*K) -> (H, T, K) */
    public static NDArray splitHeads(NDArray x, int heads) {
        long t = x.getShape().get(0);
        return x.reshape(t, heads, -1).transpose(1, 0, 2);
    }

    /** (H, T, K) -> (T, H*K) */
    public static NDArray mergeHeads(NDArray x) {
        long t = x.getShape().get(1);
        return x.transpose(1, 0, 2).reshape(t, -1);
    }
}
