package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;

/**
 * One layer's keys (after RoPE) and values, one per key/value head: (G, S, K) each, (B, G, S, K) for a
 * batch of prompts. Grouped-query
 * attention reads them for all H = G·R query heads without repeating them ({@link Attention}), so a
 * cache holds 1/R of what repeated heads would (Llama-3-8B: R = 4).
 */
public record KeyValues(NDArray keys, NDArray values) {

    public KeyValues append(KeyValues next) {
        int positions = keys.getShape().dimension() - 2;
        return new KeyValues(keys.concat(next.keys(), positions), values.concat(next.values(), positions));
    }
}
