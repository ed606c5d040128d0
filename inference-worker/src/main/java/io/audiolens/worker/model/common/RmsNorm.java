package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.runtime.Constants;

/**
 * RMSNorm as Qwen2, QWen and Llama compute it: {@code x / sqrt(mean(x²) + eps)} in float32, back in the
 * compute type, times the scale. In float16 the squares of activations above 256 would overflow.
 */
public final class RmsNorm {
    private RmsNorm() {}

    /** x (..., D), scale (D) */
    public static NDArray apply(NDArray x, NDArray scale, double eps) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        NDArray meanSquare = wide.square().mean(new int[] {-1}, true);
        return wide.div(Constants.plus(meanSquare, eps).sqrt()).toType(x.getDataType(), false).mul(scale);
    }
}
