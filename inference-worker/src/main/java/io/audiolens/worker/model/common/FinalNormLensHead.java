package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.model.api.LensHead;

/**
 * The lens head of an RMSNorm decoder: {@code W_U · norm_final(h)}, the norm's statistics in float32 and
 * the logits widened to float32, as HF does before its softmax. D width, V vocabulary.
 */
public final class FinalNormLensHead implements LensHead {
    private final NDArray finalNorm; // (D)
    private final double eps;
    private final NDArray unembed;   // (V, D): the LM head, or the embedding matrix when tied

    public FinalNormLensHead(NDArray finalNorm, double eps, NDArray unembed) {
        this.finalNorm = finalNorm;
        this.eps = eps;
        this.unembed = unembed;
    }

    @Override
    public NDArray logits(NDArray residuals) {
        return Linear.linear(RmsNorm.apply(residuals, finalNorm, eps), unembed).head().toType(DataType.FLOAT32, false);
    }
}
