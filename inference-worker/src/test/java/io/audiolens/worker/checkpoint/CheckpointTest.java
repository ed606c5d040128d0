package io.audiolens.worker.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.checkpoint.SafetensorsWriter.Tensor;
import io.audiolens.worker.testing.TinyReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final String Q_PROJ = "language_model.model.model.layers.3.self_attn.q_proj.weight";

    @TempDir
    Path dir;

    @Test
    void shouldNameAMissingTensorAndItsExpectedShape() throws IOException {
        Path broken = copyFixtureWithout(Q_PROJ, null);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Qwen2AudioModel.load(Checkpoint.open(broken), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("'" + Q_PROJ + "'") && e.getMessage().contains("[64, 64]")
                && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void shouldNameAMisShapedTensorWithExpectedAndFoundShapes() throws IOException {
        Path broken = copyFixtureWithout(Q_PROJ, new Tensor("F32", new long[] {64, 32}, new byte[64 * 32 * 4]));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Qwen2AudioModel.load(Checkpoint.open(broken), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains(Q_PROJ) && e.getMessage().contains("[64, 32]")
                && e.getMessage().contains("[64, 64]"), e.getMessage());
    }

    @Test
    void shouldWidenBf16AndF16ToTheExactFloat32Values() throws IOException {
        float[] values = {1.0f, -2.5f, 3.14159265f, 1e-3f, -65504f, 0f, 0.1f, 7.0e-5f};
        byte[] f16;
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            f16 = m.create(values).toType(DataType.FLOAT16, false).toByteArray();
        }
        new SafetensorsWriter()
                .put("bf", new Tensor("BF16", new long[] {2, 4}, SafetensorsWriter.bf16(values)))
                .put("half", new Tensor("F16", new long[] {2, 4}, f16))
                .put("full", new Tensor("F32", new long[] {2, 4}, SafetensorsWriter.f32(values)))
                .write(dir.resolve("model.safetensors"));
        Checkpoint checkpoint = Checkpoint.open(dir);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            float[] bf = checkpoint.load("bf", m, DataType.FLOAT32, 2, 4).toFloatArray();
            float[] half = checkpoint.load("half", m, DataType.FLOAT32, 2, 4).toFloatArray();
            assertArrayEquals(values, checkpoint.load("full", m, DataType.FLOAT32, 2, 4).toFloatArray());
            for (int i = 0; i < values.length; i++) {
                assertEquals(SafetensorsWriter.bf16Value(values[i]), bf[i], "bf16 element " + i);
                assertEquals(values[i], half[i], Math.abs(values[i]) * 1e-3 + 1e-7, "f16 element " + i);
            }
        }
    }

    @Test
    void shouldReadShardsListedInTheIndex() throws IOException {
        new SafetensorsWriter().put("a", new Tensor("F32", new long[] {2}, SafetensorsWriter.f32(new float[] {1, 2})))
                .write(dir.resolve("model-00001-of-00002.safetensors"));
        new SafetensorsWriter().put("b", new Tensor("F32", new long[] {1}, SafetensorsWriter.f32(new float[] {3})))
                .write(dir.resolve("model-00002-of-00002.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\": {\"a\": "
                + "\"model-00001-of-00002.safetensors\", \"b\": \"model-00002-of-00002.safetensors\"}}");
        Checkpoint checkpoint = Checkpoint.open(dir);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertArrayEquals(new float[] {3}, checkpoint.load("b", m, DataType.FLOAT32, 1).toFloatArray());
            assertArrayEquals(new float[] {1, 2}, checkpoint.load("a", m, DataType.FLOAT32, 2).toFloatArray());
        }
    }

    /** The fixture with one tensor removed, or replaced when {@code replacement} is given. */
    private Path copyFixtureWithout(String name, Tensor replacement) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("broken"));
        for (String f : new String[] {"config.json", "tokenizer.json"}) {
            Files.copy(TinyReference.FOLDER.resolve(f), copy.resolve(f));
        }
        Checkpoint original = Checkpoint.open(TinyReference.FOLDER);
        SafetensorsWriter writer = new SafetensorsWriter();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (Map.Entry<String, long[]> e : original.shapes().entrySet()) {
                if (e.getKey().equals(name)) {
                    if (replacement != null) {
                        writer.put(name, replacement);
                    }
                    continue;
                }
                float[] data = original.load(e.getKey(), m, DataType.FLOAT32, e.getValue()).toFloatArray();
                writer.put(e.getKey(), new Tensor("F32", e.getValue(), SafetensorsWriter.f32(data)));
            }
        }
        writer.write(copy.resolve("model.safetensors"));
        return copy;
    }
}
