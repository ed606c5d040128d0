package io.audiolens.worker.checkpoint;

import static io.audiolens.worker.checkpoint.PthCheckpointTest.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small state dicts written by hand: views into storages, the three float types, what is refused. */
class PthTensorLayoutTest {
    private static final float[] SIX = {0, 1, 2, 3, 4, 5};

    @TempDir
    Path dir;

    @Test
    void shouldReadViewsOfSharedStoragesInEachFloatTypeInTheDictsOrder() throws IOException {
        // model.state_dict()'s layout: OrderedDict() filled by SETITEMS, then BUILD with its _metadata
        byte[] pickle = new PickleProgram().global("collections", "OrderedDict").emptyTuple().reduce().mark()
                .string("whole").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1})
                .string("tail").tensor("FloatStorage", "0", 6, 4, new long[] {2}, new long[] {1})
                .string("row").tensor("FloatStorage", "0", 6, 3, new long[] {1, 3}, new long[] {99, 1})
                .string("param").global("torch._utils", "_rebuild_parameter").mark()
                .tensor("BFloat16Storage", "1", 4, 0, new long[] {2, 2}, new long[] {2, 1}).newFalse()
                .global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce()
                .string("half").tensor("HalfStorage", "2", 4, 0, new long[] {4}, new long[] {1})
                .setItems()
                .emptyDict().string("_metadata").global("collections", "OrderedDict").emptyTuple().reduce()
                .string("").emptyDict().string("version").integer(1).setItem().setItem().setItem()
                .build().stop();
        // bfloat16 1, -2.5, 3.140625, 0.5 and float16 1, -2, 0.5, 65504, as IEEE bit patterns
        byte[] bf16 = shorts(0x3F80, 0xC020, 0x4049, 0x3F00);
        byte[] f16 = shorts(0x3C00, 0xC000, 0x3800, 0x7BFF);
        Path file = TorchZip.write(dir.resolve("model.pth"), pickle,
                Map.of("0", SafetensorsWriter.f32(SIX), "1", bf16, "2", f16));

        TensorSource pth = PthCheckpoint.open(file);

        assertEquals(List.of("whole", "tail", "row", "param", "half"), List.copyOf(pth.shapes().keySet()));
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertArrayEquals(SIX, pth.load("whole", m, DataType.FLOAT32, 2, 3).toFloatArray());
            assertArrayEquals(new float[] {4, 5}, pth.load("tail", m, DataType.FLOAT32, 2).toFloatArray());
            assertArrayEquals(new float[] {3, 4, 5}, pth.load("row", m, DataType.FLOAT32, 1, 3).toFloatArray());
            assertArrayEquals(new float[] {1, -2.5f, 3.140625f, 0.5f},
                    pth.load("param", m, DataType.FLOAT32, 2, 2).toFloatArray());
            assertArrayEquals(new float[] {1, -2, 0.5f, 65504},
                    pth.load("half", m, DataType.FLOAT32, 4).toFloatArray());
        }
    }

    @Test
    void shouldRefuseATransposedTensorNamingItsStrides() throws IOException {
        Path file = oneTensorOfSix(0, new long[] {3, 2}, new long[] {1, 3}, SafetensorsWriter.f32(SIX));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(file));
        assertMentions(e, "'t'", "[1, 3]", "[3, 2]", "not contiguous");
    }

    @Test
    void shouldRefuseAViewPastTheEndOfItsStorage() throws IOException {
        Path file = oneTensorOfSix(5, new long[] {2}, new long[] {1}, SafetensorsWriter.f32(SIX));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(file));
        assertMentions(e, "'t'", "[5, 7)", "archive/data/0", "has 6");
    }

    @Test
    void shouldRefuseAStorageEntryShorterThanThePickleSays() throws IOException {
        byte[] fiveValues = SafetensorsWriter.f32(new float[] {0, 1, 2, 3, 4});
        Path file = oneTensorOfSix(0, new long[] {6}, new long[] {1}, fiveValues);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(file));
        assertMentions(e, "archive/data/0", "'t'", "holds 20 bytes", "6 values of F32");
    }

    /** {@code {'t': tensor}} viewing storage 0, declared as 6 float32 values, whose entry holds {@code data}. */
    private Path oneTensorOfSix(long offset, long[] shape, long[] stride, byte[] data) throws IOException {
        byte[] pickle = new PickleProgram().emptyDict().string("t")
                .tensor("FloatStorage", "0", 6, offset, shape, stride).setItem().stop();
        return TorchZip.write(dir.resolve("model.pth"), pickle, Map.of("0", data));
    }

    private static byte[] shorts(int... bits) {
        ByteBuffer out = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int b : bits) {
            out.putShort((short) b);
        }
        return out.array();
    }
}
