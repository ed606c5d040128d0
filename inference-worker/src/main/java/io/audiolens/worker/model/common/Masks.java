package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Additive float32 attention masks: 0 where a query may attend, {@link #MASKED} where it may not. */
final class Masks {
    /** HF's additive mask value, {@code finfo(float32).min}. */
    static final float MASKED = -Float.MAX_VALUE;

    private Masks() {}

    /** (T, T) causal; the last row also blind to {@code hiddenFromLast} when given. */
    static NDArray causal(NDManager m, int t, int[] hiddenFromLast) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = MASKED;
            }
        }
        if (hiddenFromLast != null) {
            for (int a : hiddenFromLast) {
                mask[(t - 1) * t + a] = MASKED;
            }
        }
        return m.create(mask, new Shape(t, t));
    }

    /**
     * (N, P+N) for N last-token rows after a prefix of P: every row sees the prefix and its own new column;
     * a row that masks audio does not see {@code audioPositions}.
     */
    static NDArray lastTokenRows(NDManager m, int prefix, List<Boolean> masksAudio, int[] audioPositions) {
        int rows = masksAudio.size();
        int width = prefix + rows;
        float[] mask = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = prefix; c < width; c++) {
                mask[r * width + c] = c - prefix == r ? 0f : MASKED;
            }
            if (masksAudio.get(r)) {
                for (int a : audioPositions) {
                    mask[r * width + a] = MASKED;
                }
            }
        }
        return m.create(mask, new Shape(rows, width));
    }
}
