package io.audiolens.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder that cannot be used is refused with exit 2, naming the file and what to do. */
class BadModelFolderTest {
    private static final Path FIXTURE = Path.of("target/test-classes/qwen2audio-tiny-a").toAbsolutePath();

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void copyTheTinyModel() throws Exception {
        model = Files.createDirectories(dir.resolve("tiny"));
        for (String name : new String[] {"config.json", "model.safetensors", "tokenizer.json"}) {
            Files.copy(FIXTURE.resolve(name), model.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    @Test
    void shouldNameAMissingTokenizer() throws Exception {
        Files.delete(model.resolve("tokenizer.json"));

        assertRefused("model folder " + model + " has no tokenizer.json");
    }

    @Test
    void shouldNameAShardTheIndexListsButTheFolderLacks() throws Exception {
        Files.move(model.resolve("model.safetensors"), model.resolve("model-00001-of-00002.safetensors"));
        Files.writeString(model.resolve("model.safetensors.index.json"), """
                {"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors",
                                                "b": "model-00002-of-00002.safetensors"}}
                """);

        assertRefused("shard model-00002-of-00002.safetensors listed in model.safetensors.index.json is missing from "
                + model + "; download all shards");
    }

    @Test
    void shouldNameASafetensorsFileCutShortInItsTensorsOrInItsHeader() throws Exception {
        Path weights = model.resolve("model.safetensors");
        byte[] whole = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(whole, whole.length / 2));

        assertRefused("in " + weights + " claims bytes [");
        assertRefused("; the file is truncated or corrupt (size " + whole.length / 2 + ")");

        Files.write(weights, Arrays.copyOf(whole, 100));
        assertRefused(weights + " is not a safetensors file (header length ");
    }

    private void assertRefused(String reason) {
        InspectCommandTest.Result result = InspectCommandTest.run("inspect", "--model", model.toString(), "--audio",
                FIXTURE.resolve("audio.wav").toString(), "--attribute", "animal", "--device", "cpu", "--json");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(reason), result.err());
    }
}
