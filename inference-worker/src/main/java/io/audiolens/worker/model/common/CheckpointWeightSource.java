package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.checkpoint.TensorSource;

/** Loads named tensors of an expected shape from a checkpoint (safetensors or a .pth) into the model's manager, in the compute type. */
public record CheckpointWeightSource(TensorSource checkpoint, NDManager manager, DataType computeType) implements WeightSource {

    @Override
    public NDArray load(String name, long... expectedShape) {
        return checkpoint.load(name, manager, computeType, expectedShape);
    }

    @Override
    public boolean has(String name) {
        return checkpoint.has(name);
    }
}
