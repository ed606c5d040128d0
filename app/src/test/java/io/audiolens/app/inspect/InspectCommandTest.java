package io.audiolens.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code audiolens inspect --json} on the HF fixture prints exactly the reference's numbers. */
class InspectCommandTest {
    private static final Path FIXTURE = Path.of("target/test-classes/qwen2audio-tiny-a").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneJsonObjectMatchingTheHfReference() throws Exception {
        Result result = run("inspect", "--model", FIXTURE.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "animal", "--prompt", "P3", "--enrich-layer", "2", "--enrich-offset", "5", "--lambda", "0.5",
                "--lambda", "1.25", "--device", "cpu", "--json");
        assertEquals(0, result.exitCode, result.err);
        JsonNode json = new ObjectMapper().readTree(result.out);
        JsonNode reference = new ObjectMapper().readTree(FIXTURE.resolve("reference.json").toFile());
        assertEquals(8, json.path("layers").asInt());
        assertEquals(reference.path("seq_len").asInt(), json.path("promptTokens").asInt());
        assertEquals(reference.path("n_audio_tokens").asInt(), json.path("audioTokens").asInt());
        assertEquals(reference.path("label_token_ids"), json.path("labelTokenIds"));
        assertEquals(reference.path("labels"), json.path("labels"));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDList npz = NDList.decode(m, Files.readAllBytes(FIXTURE.resolve("reference.npz")));
            assertClose(npz.get("lens_last").toFloatArray(), json.path("views").path("last"));
            assertClose(npz.get("lens_penultimate").toFloatArray(), json.path("views").path("penultimate"));
            assertClose(npz.get("lens_last_audio_masked").toFloatArray(), json.path("views").path("last_audio_masked"));
        }
        JsonNode enriched = json.path("enrichment");
        assertEquals(2, enriched.size());
        assertEquals(7, enriched.get(1).path("targetLayer").asInt());
        assertEquals(1.25, enriched.get(1).path("lambda").asDouble());
    }

    @Test
    void shouldScaleThePapersOffsetToTheModelsDepthUnlessGiven() throws Exception {
        // 8 layers: round(5 · 8 / 32) = 1
        Result result = run("inspect", "--model", FIXTURE.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "animal", "--enrich-layer", "2", "--lambda", "0.5", "--device", "cpu", "--json");
        assertEquals(0, result.exitCode, result.err);
        assertEquals(3, new ObjectMapper().readTree(result.out).path("enrichment").get(0).path("targetLayer").asInt());

        Result zero = run("inspect", "--model", FIXTURE.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "animal", "--enrich-layer", "2", "--enrich-offset", "0", "--lambda", "0.5", "--json");
        assertEquals(2, zero.exitCode);
        assertTrue(zero.err.contains("--enrich-offset must be at least 1, got 0"), zero.err);
    }

    @Test
    void shouldRefuseAudioThatIsNotAudioWithTheFileNameAndExitCode2() throws Exception {
        Path noise = Files.write(dir.resolve("notes.wav"), "these are not samples".getBytes());
        Result result = run("inspect", "--model", FIXTURE.toString(), "--audio", noise.toString(), "--attribute", "animal",
                "--device", "cpu", "--json");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("notes.wav"), result.err);
        assertEquals("", result.out);
    }

    @Test
    void shouldRefuseAnUnknownAttributeNamingTheKnownOnes() throws Exception {
        Result result = run("inspect", "--model", FIXTURE.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "colour", "--json");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("unknown attribute 'colour'") && result.err.contains("animal"), result.err);
    }

    @Test
    void shouldReadAQwenAudioChatFolderAsItsOwnCodeDid() throws Exception {
        Path qwen = FIXTURE.resolveSibling("qwenaudio-tiny-a");
        Result result = run("inspect", "--model", qwen.toString(), "--audio", qwen.resolve("audio.wav").toString(),
                "--attribute", "animal", "--prompt", "P3", "--enrich-layer", "1", "--enrich-offset", "3", "--lambda",
                "1.25", "--device", "cpu", "--json");
        assertEquals(0, result.exitCode, result.err);
        JsonNode json = new ObjectMapper().readTree(result.out);
        assertEquals("qwen-audio", json.path("family").asText());
        assertEquals(6, json.path("layers").asInt());
        assertEquals(124, json.path("promptTokens").asInt());
        assertEquals(50, json.path("audioTokens").asInt());
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDList npz = NDList.decode(m, Files.readAllBytes(qwen.resolve("reference.npz")));
            assertClose(npz.get("lens_last").toFloatArray(), json.path("views").path("last"));
            assertClose(npz.get("lens_penultimate").toFloatArray(), json.path("views").path("penultimate"));
            assertClose(npz.get("lens_last_audio_masked").toFloatArray(), json.path("views").path("last_audio_masked"));
        }
        assertEquals(4, json.path("enrichment").get(0).path("targetLayer").asInt());
    }

    @Test
    void shouldRefuseAFolderOfAnUnsupportedFamilyNamingTheSupportedOnes() throws Exception {
        Path llama = FIXTURE.resolveSibling("llama-tiny-d");
        Result result = run("inspect", "--model", llama.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "animal", "--device", "cpu", "--json");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("model_type 'llama'") && result.err.contains("Qwen2-Audio")
                && result.err.contains("Qwen-Audio-Chat"), result.err);
    }

    private static void assertClose(float[] expected, JsonNode rows) {
        int i = 0;
        for (JsonNode row : rows) {
            for (JsonNode p : row) {
                double err = Math.abs(p.asDouble() - expected[i]) / expected[i];
                assertTrue(err < 1e-3, "element " + i + ": " + p.asDouble() + " vs " + expected[i]);
                i++;
            }
        }
        assertEquals(expected.length, i);
    }

    record Result(int exitCode, String out, String err) {}

    /** {@code audiolens ARGS} in this JVM; stdout trimmed. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString().trim(), err.toString());
    }
}
