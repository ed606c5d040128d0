package io.audiolens.worker.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;

/**
 * Named tensors a model reads its weights from: a folder of safetensors ({@link Checkpoint}) or one
 * {@code torch.save} file ({@link PthCheckpoint#open}).
 */
public interface TensorSource {

    boolean has(String name);

    /** Every tensor's name and stored shape, in file order. */
    Map<String, long[]> shapes();

    /** Loads tensor {@code name}, failing at once if it is absent or its shape is not {@code expected}. */
    NDArray load(String name, NDManager manager, DataType computeType, long... expected);
}
