package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.runtime.Constants;

/** Qwen2's RMSNorm: {@code x / sqrt(mean(x²) + eps) * scale} over the last axis. */
public final class RmsNorm {
    private RmsNorm() {}

    /** x (..., D), scale (D) */
    public static NDArray apply(NDArray x, NDArray scale, double eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(Constants.plus(meanSquare, eps).sqrt()).mul(scale);
    }
}
