package io.audiolens.worker.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.testing.TinyReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeSTA2's connector file of the desta2-tiny-a fixture (torch 1.13), read and broken on purpose. */
class PthCheckpointTest {
    private static final Path FIXTURE = TinyReference.folder("desta2-tiny-a");
    private static final Path PTH = FIXTURE.resolve("qformer_connector.pth");
    private static final String PICKLE = "qformer_connector/data.pkl";

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryConnectorTensorBitForBitAsItsSafetensorsTwin() {
        TensorSource pth = PthCheckpoint.open(PTH);
        Map<String, TensorInfo> twin = SafetensorsHeader.read(FIXTURE.resolve("qformer_connector.safetensors"));
        List<String> keys = new ArrayList<>();
        TinyReference.json("desta2-tiny-a").path("connector").path("state_dict_keys")
                .forEach(k -> keys.add(k.asText()));

        assertEquals(61, keys.size());
        assertEquals(keys, List.copyOf(pth.shapes().keySet()), "names in the state dict's order");
        assertEquals(Set.copyOf(keys), twin.keySet());
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (String name : keys) {
                long[] shape = twin.get(name).shape();
                assertArrayEquals(shape, pth.shapes().get(name), name);
                byte[] fromPth = pth.load(name, m, DataType.FLOAT32, shape).toByteArray();
                assertArrayEquals(TensorReader.read(twin.get(name), m, DataType.FLOAT32).toByteArray(), fromPth, name);
            }
            // read from the file with Python's zipfile and struct, not with either reader
            float[] firstRow = Arrays.copyOf(pth.load("layer_weights", m, DataType.FLOAT32, 8, 4).toFloatArray(), 4);
            assertArrayEquals(new float[] {1.0879117250442505f, -1.4265209436416626f, -0.7150664329528809f,
                1.5836138725280762f}, firstRow);
        }
    }

    @Test
    void shouldNameBothShapesWhenTheConfigImpliesAnother() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> PthCheckpoint.open(PTH).load("proj.1.bias", m, DataType.FLOAT32, 65));
            assertMentions(e, "'proj.1.bias'", "[64]", "[65]", "qformer_connector.pth");
        }
    }

    @Test
    void shouldNameTheFileWhenItIsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(PTH);
        Path cut = Files.write(dir.resolve("qformer_connector.pth"), Arrays.copyOf(whole, whole.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(cut));
        assertMentions(e, cut.toString(), "truncated", "download it again");
    }

    @Test
    void shouldTellALegacyPickleFileFromATruncatedZip() throws IOException {
        // torch before 1.6 wrote a bare pickle stream, starting with the protocol-2 header
        Path legacy = Files.write(dir.resolve("qformer_connector.pth"), new PickleProgram().emptyDict().stop());
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(legacy));
        assertMentions(e, legacy.toString(), "not a torch.save zip", "before 1.6");
    }

    @Test
    void shouldNameTheTensorAndItsStorageKeyWhenAStorageEntryIsMissing() throws IOException {
        Map<String, byte[]> entries = TorchZip.entries(PTH);
        assertTrue(entries.remove("qformer_connector/data/5") != null);
        Path broken = TorchZip.write(dir.resolve("qformer_connector.pth"), entries);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(broken));
        assertMentions(e, broken.toString(), "qformer_connector/data/5",
                "'qformer.layer.0.attention.self.query.weight'");
    }

    @Test
    void shouldRefuseACompressedEntryNamingIt() throws IOException {
        Path repacked = TorchZip.write(dir.resolve("qformer_connector.pth"), TorchZip.entries(PTH),
                Set.of("qformer_connector/data/7"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(repacked));
        assertMentions(e, "qformer_connector/data/7", "compressed");
    }

    @Test
    void shouldRefuseABigEndianFile() throws IOException {
        Map<String, byte[]> entries = TorchZip.entries(PTH);
        entries.put("qformer_connector/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        Path big = TorchZip.write(dir.resolve("qformer_connector.pth"), entries);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(big));
        assertMentions(e, big.toString(), "big-endian");
    }

    @Test
    void shouldRefuseAnIntegerStorageWithTheSupportedTypes() throws IOException {
        Map<String, byte[]> entries = TorchZip.entries(PTH);
        String pickle = new String(entries.get(PICKLE), StandardCharsets.ISO_8859_1);
        assertTrue(pickle.contains("ctorch\nFloatStorage\n"));
        entries.put(PICKLE, pickle.replace("ctorch\nFloatStorage\n", "ctorch\nLongStorage\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path longs = TorchZip.write(dir.resolve("qformer_connector.pth"), entries);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(longs));
        assertMentions(e, longs.toString(), "torch.LongStorage", "float32, float16 or bfloat16");
    }

    static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "no «" + part + "» in: " + e.getMessage());
        }
    }
}
