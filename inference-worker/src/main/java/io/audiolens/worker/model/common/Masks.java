package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Additive float32 attention masks: 0 where a query may attend, {@link #MASKED} where it may not. */
public final class Masks {
    /** HF's additive mask value, {@code finfo(float32).min}. */
    static final float MASKED = -Float.MAX_VALUE;

    private Masks() {}

    /** (T, S+T): T new tokens see every one of S cached tokens and, causally, each other. */
    public static NDArray causalAfter(NDManager m, int cached, int t) {
        return m.create(causal(cached, t), new Shape(t, cached + t));
    }

    /** (T, T) causal; the last row also blind to {@code hiddenFromLast} when given. */
    static NDArray causal(NDManager m, int t, int[] hiddenFromLast) {
        float[] mask = causal(0, t);
        if (hiddenFromLast != null) {
            for (int a : hiddenFromLast) {
                mask[(t - 1) * t + a] = MASKED;
            }
        }
        return m.create(mask, new Shape(t, t));
    }

    private static float[] causal(int cached, int t) {
        int width = cached + t;
        float[] mask = new float[t * width];
        for (int i = 0; i < t; i++) {
            for (int j = cached + i + 1; j < width; j++) {
                mask[i * width + j] = MASKED;
            }
        }
        return mask;
    }

    /**
     * (N, P+N) for N last-token rows after a prefix of P: every row sees the prefix and its own new column;
     * a row that masks audio does not see {@code audioPositions}.
     */
    static NDArray lastTokenRows(NDManager m, int prefix, List<Boolean> masksAudio, int[] audioPositions) {
        int rows = masksAudio.size();
        float[] mask = new float[rows * (prefix + rows)];
        fillLastTokenRows(mask, 0, prefix, prefix, masksAudio, audioPositions);
        return m.create(mask, new Shape(rows, prefix + rows));
    }

    /**
     * (B, N, P+N) for the N last-token rows of B prompts whose prefixes of {@code prefixes[b]} tokens are
     * padded to P: as {@link #lastTokenRows(NDManager, int, List, int[])} per prompt, and no row sees its
     * prompt's padding.
     */
    static NDArray lastTokenRows(NDManager m, int[] prefixes, int padded, List<Boolean> masksAudio,
            List<int[]> audioPositions) {
        int rows = masksAudio.size();
        int perPrompt = rows * (padded + rows);
        float[] mask = new float[prefixes.length * perPrompt];
        for (int b = 0; b < prefixes.length; b++) {
            fillLastTokenRows(mask, b * perPrompt, prefixes[b], padded, masksAudio, audioPositions.get(b));
        }
        return m.create(mask, new Shape(prefixes.length, rows, padded + rows));
    }

    private static void fillLastTokenRows(float[] mask, int offset, int prefix, int padded, List<Boolean> masksAudio,
            int[] audioPositions) {
        int rows = masksAudio.size();
        int width = padded + rows;
        for (int r = 0; r < rows; r++) {
            int row = offset + r * width;
            for (int c = prefix; c < width; c++) {
                mask[row + c] = c - padded == r ? 0f : MASKED;
            }
            if (masksAudio.get(r)) {
                for (int a : audioPositions) {
                    mask[row + a] = MASKED;
                }
            }
        }
    }
}
