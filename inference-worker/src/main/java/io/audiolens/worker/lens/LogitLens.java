package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import java.util.Arrays;

/**
 * Eq. 1 of AudioLens, restricted to the label tokens: {@code p(y) = softmax(W_U · norm_final(h))[y]}.
 * Only the |Y| label columns of the logits are kept, but the normaliser is the log-sum-exp over the whole
 * vocabulary. R residual rows, D width, V vocabulary, Y labels.
 */
public final class LogitLens {
    private final Qwen2AudioModel model;
    private final long[] labelTokenIds;

    public LogitLens(Qwen2AudioModel model, int[] labelTokenIds) {
        this.model = model;
        this.labelTokenIds = Arrays.stream(labelTokenIds).asLongStream().toArray();
    }

    /** rows (R, D) → label probabilities [R][Y]. */
    public float[][] labelProbabilities(NDArray rows) {
        NDArray logits = model.logits(rows).toType(DataType.FLOAT32, false);                    // (R, V)
        NDArray max = logits.max(new int[] {1}, true);                                          // (R, 1)
        NDArray logNormaliser = logits.sub(max).exp().sum(new int[] {1}, true).log().add(max); // (R, 1)
        long r = logits.getShape().get(0);
        NDArray columns = rows.getManager().create(labelTokenIds, new Shape(1, labelTokenIds.length)).repeat(0, r);
        NDArray labelLogits = logits.gather(columns, 1);                                       // (R, Y)
        return split(labelLogits.sub(logNormaliser).exp().toFloatArray(), labelTokenIds.length);
    }

    private static float[][] split(float[] flat, int columns) {
        float[][] rows = new float[flat.length / columns][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        }
        return rows;
    }
}
