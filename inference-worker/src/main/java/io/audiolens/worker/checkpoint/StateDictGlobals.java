package io.audiolens.worker.checkpoint;

import io.audiolens.worker.checkpoint.TensorInfo.StorageType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * The allow-list: the Python globals a {@code torch.save(state_dict)} pickle names, each as the plain data
 * it builds here (a map, a tensor description, a storage marker). Nothing else of Python is reachable.
 */
final class StateDictGlobals {
    /** One raw storage: the zip entry {@code <root>/data/<key>} holding {@code elements} values of {@code type}. */
    record StorageRef(String key, StorageType type, long elements) {}

    /** A tensor as {@code torch._utils._rebuild_tensor_v2} would build it: a view of a storage. */
    record PickledTensor(StorageRef storage, long storageOffset, long[] shape, long[] stride) {}

    /** A storage class such as {@code torch.FloatStorage}, named in storage references, never called. */
    private record StorageClass(String global, StorageType type) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException(global + " is called, but torch.save only names storage classes");
        }
    }

    private static final Map<String, IObjectConstructor> ALLOWED = Map.of(
            "collections.OrderedDict", StateDictGlobals::orderedDict,
            "torch._utils._rebuild_tensor_v2", StateDictGlobals::rebuildTensor,
            "torch._utils._rebuild_parameter", StateDictGlobals::rebuildParameter,
            "torch.FloatStorage", new StorageClass("torch.FloatStorage", StorageType.F32),
            "torch.HalfStorage", new StorageClass("torch.HalfStorage", StorageType.F16),
            "torch.BFloat16Storage", new StorageClass("torch.BFloat16Storage", StorageType.BF16));

    private StateDictGlobals() {}

    /** What {@code module.name} builds, or null when it is not allowed. */
    static IObjectConstructor get(String global) {
        return ALLOWED.get(global);
    }

    static String names() {
        return String.join(", ", new TreeSet<>(ALLOWED.keySet()));
    }

    /** torch.save's persistent id of a storage: ('storage', storage class, key, location, element count). */
    static StorageRef storageReference(Object pid) {
        if (pid instanceof Object[] id && id.length == 5 && "storage".equals(id[0])
                && id[1] instanceof StorageClass storageClass && id[2] instanceof String key) {
            return new StorageRef(key, storageClass.type(), number(id[4]));
        }
        throw new PickleException("persistent id " + (pid instanceof Object[] id ? Arrays.deepToString(id) : pid)
                + " is not a torch.save storage reference");
    }

    static String typeName(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }

    private static Object orderedDict(Object[] args) {
        if (args.length != 0) {
            throw new PickleException("collections.OrderedDict called with arguments " + Arrays.deepToString(args));
        }
        return new LinkedHashMap<>();
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage)) {
            throw new PickleException("_rebuild_tensor_v2 called with " + Arrays.deepToString(args));
        }
        long[] shape = numbers(args[2]);
        long[] stride = numbers(args[3]);
        if (shape.length != stride.length || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new PickleException("tensor of shape " + Arrays.toString(shape) + " with strides "
                    + Arrays.toString(stride));
        }
        return new PickledTensor(storage, number(args[1]), shape, stride);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)}: a Parameter is its tensor here. */
    private static Object rebuildParameter(Object[] args) {
        if (args.length != 3 || !(args[0] instanceof PickledTensor tensor)) {
            throw new PickleException("_rebuild_parameter called with " + Arrays.deepToString(args));
        }
        return tensor;
    }

    private static long[] numbers(Object tuple) {
        if (!(tuple instanceof Object[] items)) {
            throw new PickleException("expected a tuple of integers, found a " + typeName(tuple));
        }
        return Arrays.stream(items).mapToLong(StateDictGlobals::number).toArray();
    }

    private static long number(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new PickleException("expected an integer, found a " + typeName(value));
        }
        return ((Number) value).longValue();
    }
}
