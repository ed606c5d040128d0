package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.model.api.LensHead;
import java.util.Arrays;

/**
 * Eq. 1 of AudioLens, restricted to the label tokens: {@code p(y) = softmax(W_U · norm_final(h))[y]}.
 * Only the |Y| label columns of the logits are kept, but the normaliser is the log-sum-exp over the whole
 * vocabulary, in float32. R residual rows, D width, V vocabulary, Y labels.
 */
public final class LogitLens {
    private final LensHead head;
    private final long[] labelTokenIds;

    public LogitLens(LensHead head, int[] labelTokenIds) {
        this.head = head;
        this.labelTokenIds = Arrays.stream(labelTokenIds).asLongStream().toArray();
    }

    /** rows (R, D) → label probabilities [R][Y]. */
    public float[][] labelProbabilities(NDArray rows) {
        NDArray logits = head.logits(rows);                                                     // (R, V) float32
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
