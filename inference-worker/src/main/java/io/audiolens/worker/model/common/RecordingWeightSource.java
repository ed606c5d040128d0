package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers every tensor another source hands out, by HF name and in load order: what a save writes back. */
public final class RecordingWeightSource implements WeightSource {
    private final WeightSource source;
    private final Map<String, NDArray> loaded = new LinkedHashMap<>();

    public RecordingWeightSource(WeightSource source) {
        this.source = source;
    }

    @Override
    public NDArray load(String name, long... expectedShape) {
        NDArray tensor = source.load(name, expectedShape);
        loaded.put(name, tensor);
        return tensor;
    }

    @Override
    public boolean has(String name) {
        return source.has(name);
    }

    public Map<String, NDArray> loaded() {
        return Collections.unmodifiableMap(loaded);
    }
}
