package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Invents every tensor it is asked for, as HF initialises a fresh model (normal, std 0.02; norm scales
 * 1, biases 0), and remembers them by name so the model can be written out as a checkpoint. It answers
 * with the names of the released Qwen2-Audio checkpoints.
 */
final class RandomWeightSource implements WeightSource {
    private static final double STD = 0.02;
    private final NDManager manager;
    private final Map<String, NDArray> made = new LinkedHashMap<>();

    RandomWeightSource(NDManager manager) {
        this.manager = manager;
    }

    @Override
    public NDArray load(String name, long... shape) {
        NDArray tensor;
        if (name.endsWith("norm.weight") || name.endsWith("layernorm.weight")) {
            tensor = manager.ones(new Shape(shape));
        } else if (name.endsWith(".bias")) {
            tensor = manager.zeros(new Shape(shape));
        } else {
            tensor = manager.randomNormal(0, (float) STD, new Shape(shape), DataType.FLOAT32);
        }
        made.put(name, tensor);
        return tensor;
    }

    @Override
    public boolean has(String name) {
        return name.startsWith("language_model.model.") && !name.startsWith("language_model.model.model.")
                || name.equals("language_model.lm_head.weight");
    }

    Map<String, NDArray> tensors() {
        return made;
    }
}
