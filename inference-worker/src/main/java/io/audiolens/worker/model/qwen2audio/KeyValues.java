package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;

/** One layer's keys and values after RoPE, already repeated to all H query heads. (H, S, K) each. */
record KeyValues(NDArray keys, NDArray values) {

    KeyValues append(KeyValues next) {
        return new KeyValues(keys.concat(next.keys(), 1), values.concat(next.values(), 1));
    }

    long length() {
        return keys.getShape().get(1);
    }
}
