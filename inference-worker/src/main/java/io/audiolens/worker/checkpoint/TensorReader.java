package io.audiolens.worker.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Turns one stored tensor into an NDArray of the compute type. The tensor's bytes are memory-mapped
 * (never read onto the Java heap), in row chunks of at most {@link #CHUNK_BYTES} so that shards and
 * tensors over 2 GiB work. BF16 is widened to F32 in Java: a BF16 NDArray aborts the JVM.
 */
final class TensorReader {
    private static final long CHUNK_BYTES = 256L << 20;

    private TensorReader() {}

    static NDArray read(TensorInfo info, NDManager manager, DataType computeType) {
        long rows = info.shape().length == 0 ? 1 : info.shape()[0];
        long rowElements = rows == 0 ? 0 : info.elementCount() / rows;
        long rowBytes = Math.max(1, rowElements * info.type().bytes);
        long rowsPerChunk = Math.max(1, CHUNK_BYTES / rowBytes);
        try (FileChannel channel = FileChannel.open(info.file(), StandardOpenOption.READ)) {
            if (rows <= rowsPerChunk) {
                return chunk(channel, info, 0, rows, rowElements, manager, computeType).reshape(new Shape(info.shape()));
            }
            NDList parts = new NDList();
            for (long row = 0; row < rows; row += rowsPerChunk) {
                parts.add(chunk(channel, info, row, Math.min(rowsPerChunk, rows - row), rowElements, manager, computeType));
            }
            NDArray whole = NDArrays.concat(parts, 0).reshape(new Shape(info.shape()));
            parts.close();
            return whole;
        } catch (IOException e) {
            throw new CheckpointException("cannot map tensor '" + info.name() + "' from " + info.file() + ": "
                    + e.getMessage(), e);
        }
    }

    private static NDArray chunk(FileChannel channel, TensorInfo info, long firstRow, long rowCount, long rowElements,
            NDManager manager, DataType computeType) throws IOException {
        long elements = rowCount * rowElements;
        long offset = info.begin() + firstRow * rowElements * info.type().bytes;
        ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, elements * info.type().bytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        Shape shape = new Shape(elements);
        NDArray stored = switch (info.type()) {
            case F32 -> manager.create(mapped, shape, DataType.FLOAT32);
            case F16 -> manager.create(mapped, shape, DataType.FLOAT16);
            case BF16 -> manager.create(widenBf16(mapped.asShortBuffer(), (int) elements), shape, DataType.FLOAT32);
        };
        if (stored.getDataType() == computeType) {
            return stored;
        }
        NDArray converted = stored.toType(computeType, false);
        stored.close();
        return converted;
    }

    /** bfloat16 is the top half of a float32: shift the 16 stored bits into the high half. */
    private static ByteBuffer widenBf16(ShortBuffer source, int elements) {
        ByteBuffer out = ByteBuffer.allocateDirect(elements * 4).order(ByteOrder.nativeOrder());
        FloatBuffer floats = out.asFloatBuffer();
        for (int i = 0; i < elements; i++) {
            floats.put(i, Float.intBitsToFloat((source.get(i) & 0xFFFF) << 16));
        }
        return out;
    }
}
