package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.runtime.Constants;

/**
 * Scaled dot-product attention with grouped queries: H query heads share G key/value heads, R = H/G
 * consecutive query heads per key/value head (HF's {@code repeat_kv} order). The softmax runs in float32
 * whatever the compute type, as HF's eager attention does. T queries, S keys, K head size; a batch of B
 * prompts puts B in front of every shape.
 */
public final class Attention {
    private Attention() {}

    /**
     * @param query ([B,] H, T, K)
     * @param key   ([B,] G, S, K)
     * @param value ([B,] G, S, K)
     * @param mask  additive float32 (T, S) or per prompt (B, T, S), or null for none
     * @return ([B,] H, T, K)
     */
    public static NDArray attend(NDArray query, NDArray key, NDArray value, NDArray mask) {
        int rank = query.getShape().dimension();
        Shape batch = query.getShape().slice(0, rank - 3);
        long h = query.getShape().get(rank - 3);
        long t = query.getShape().get(rank - 2);
        long k = query.getShape().get(rank - 1);
        long g = key.getShape().get(rank - 3);
        long s = key.getShape().get(rank - 2);
        long r = h / g;
        double scale = 1.0 / Math.sqrt(k);
        NDArray grouped = query.reshape(batch.addAll(new Shape(g, r * t, k)));                   // (G, R·T, K)
        NDArray scores = Constants.times(grouped.matMul(key.transpose(lastTwoSwapped(rank))), scale); // (G, R·T, S)
        scores = scores.reshape(batch.addAll(new Shape(g, r, t, s))).toType(DataType.FLOAT32, false); // (G, R, T, S)
        if (mask != null) {
            // a mask per prompt (B, T, S) meets the scores (B, G, R, T, S); one for all (T, S) broadcasts as it is
            scores = scores.add(mask.getShape().dimension() == 2 ? mask : mask.reshape(batch.addAll(new Shape(1, 1, t, s))));
        }
        NDArray weights = scores.softmax(-1).toType(query.getDataType(), false).reshape(batch.addAll(new Shape(g, r * t, s)));
        return weights.matMul(value).reshape(batch.addAll(new Shape(h, t, k)));                 // (H, T, K)
    }

    /** (T, H*K) -> (H, T, K), and (B, T, H*K) -> (B, H, T, K) */
    public static NDArray splitHeads(NDArray x, int heads) {
        int rank = x.getShape().dimension();
        Shape batch = x.getShape().slice(0, rank - 2);
        long t = x.getShape().get(rank - 2);
        return x.reshape(batch.addAll(new Shape(t, heads, -1))).transpose(headsBeforeTokens(rank + 1));
    }

    /** (H, T, K) -> (T, H*K), and (B, H, T, K) -> (B, T, H*K) */
    public static NDArray mergeHeads(NDArray x) {
        int rank = x.getShape().dimension();
        Shape batch = x.getShape().slice(0, rank - 3);
        long t = x.getShape().get(rank - 2);
        return x.transpose(headsBeforeTokens(rank)).reshape(batch.addAll(new Shape(t, -1)));
    }

    /** The axes 0..rank−1 with the last two swapped. */
    private static int[] lastTwoSwapped(int rank) {
        int[] axes = identity(rank);
        axes[rank - 1] = rank - 2;
        axes[rank - 2] = rank - 1;
        return axes;
    }

    /** The axes 0..rank−1 with the third- and second-to-last swapped (tokens and heads). */
    private static int[] headsBeforeTokens(int rank) {
        int[] axes = identity(rank);
        axes[rank - 3] = rank - 2;
        axes[rank - 2] = rank - 3;
        return axes;
    }

    private static int[] identity(int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return axes;
    }
}
