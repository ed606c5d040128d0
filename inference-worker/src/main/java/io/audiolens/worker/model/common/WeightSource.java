package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;

/** Where the weight records get their tensors, by HF name and expected shape. */
public interface WeightSource {
    NDArray load(String name, long... expectedShape);

    boolean has(String name);
}
