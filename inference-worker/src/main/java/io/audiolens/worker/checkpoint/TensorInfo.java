package io.audiolens.worker.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where one tensor lives: its shard, its element type and shape, and its byte range relative to the
 * start of the file.
 */
public record TensorInfo(String name, Path file, StorageType type, long[] shape, long begin, long end) {

    public long elementCount() {
        return Arrays.stream(shape).reduce(1L, Math::multiplyExact);
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** The element types we read; anything else is refused when the header is parsed. */
    public enum StorageType {
        F32(4), F16(2), BF16(2);

        public final int bytes;

        StorageType(int bytes) {
            this.bytes = bytes;
        }
    }
}
