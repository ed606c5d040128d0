package io.audiolens.worker.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each tensor of a checkpoint lives, and the one place that checks a tensor's shape before reading it. */
final class TensorIndex implements TensorSource {
    private final Map<String, TensorInfo> tensors;
    private final String missingFrom;

    /** {@code missingFrom} ends the message for an absent tensor: where it was looked for, and what to check. */
    TensorIndex(Map<String, TensorInfo> tensors, String missingFrom) {
        this.tensors = tensors;
        this.missingFrom = missingFrom;
    }

    @Override
    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    @Override
    public Map<String, long[]> shapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, info) -> shapes.put(name, info.shape().clone()));
        return shapes;
    }

    @Override
    public NDArray load(String name, NDManager manager, DataType computeType, long... expected) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new CheckpointException("tensor '" + name + "' (expected shape " + Arrays.toString(expected)
                    + ") is missing from " + missingFrom);
        }
        if (!Arrays.equals(info.shape(), expected)) {
            throw new CheckpointException("tensor '" + name + "' in " + info.file().getFileName() + " has shape "
                    + info.shapeText() + " but config.json implies " + Arrays.toString(expected)
                    + "; the config and the weights do not belong together");
        }
        return TensorReader.read(info, manager, computeType);
    }
}
