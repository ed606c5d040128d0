package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDArray;

/**
 * What the Logit Lens applies to a residual: the model's final norm, then the unembedding W_U. R rows,
 * D width, V vocabulary.
 */
public interface LensHead {

    /** Logits (R, V) of residual rows (R, D), float32 whatever the compute type. */
    NDArray logits(NDArray residuals);
}
