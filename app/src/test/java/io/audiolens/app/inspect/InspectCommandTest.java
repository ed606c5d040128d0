package io.audiolens.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
    void shouldReadADesta2FolderWithItsTranscriptAsItsOwnCodeDid() throws Exception {
        Path desta2 = FIXTURE.resolveSibling("desta2-tiny-a");
        Result result = run("inspect", "--model", desta2.toString(), "--audio", desta2.resolve("audio.wav").toString(),
                "--attribute", "emotion", "--prompt", "P3", "--device", "cpu", "--json");
        assertEquals(0, result.exitCode, result.err);
        JsonNode json = new ObjectMapper().readTree(result.out);
        JsonNode reference = new ObjectMapper().readTree(desta2.resolve("reference.json").toFile());
        assertEquals("desta2", json.path("family").asText());
        assertEquals(reference.path("transcription").asText(), json.path("transcript").path("text").asText());
        assertEquals(reference.path("whisper").path("transcript_ids"), json.path("transcript").path("ids"));
        assertEquals(8, json.path("audioTokens").asInt());
        assertEquals(83, json.path("promptTokens").asInt());
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDList npz = NDList.decode(m, Files.readAllBytes(desta2.resolve("reference.npz")));
            assertClose(npz.get("lens_last").toFloatArray(), json.path("views").path("last"));
            assertClose(npz.get("lens_last_audio_masked").toFloatArray(), json.path("views").path("last_audio_masked"));
        }
    }

    @Test
    void shouldRefuseADesta2ConnectorWhosePickleNamesAnyOtherGlobalWithExitCode2() throws Exception {
        Path desta2 = desta2Copy("config.json", "whisper", "llama");
        Path marker = dir.resolve("pwned");
        // os.system("touch <marker>") as torch.save would hold it: GLOBAL, the argument, TUPLE1, REDUCE, STOP
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2});
        pickle.write("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] command = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
        pickle.write('X');
        pickle.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(command.length).array());
        pickle.write(command);
        pickle.write(new byte[] {(byte) 0x85, 'R', '.'});
        storedZip(desta2.resolve("qformer_connector.pth"), "archive/data.pkl", pickle.toByteArray());

        Result result = run("inspect", "--model", desta2.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "emotion", "--device", "cpu", "--json");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("os.system"), result.err);
        assertTrue(Files.notExists(marker), "the pickle's command ran");
    }

    @Test
    void shouldNameWhatADesta2FolderLacks() throws Exception {
        Path noLlama = desta2Copy("config.json", "whisper", "qformer_connector.pth");
        Result missing = run("inspect", "--model", noLlama.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "emotion", "--device", "cpu", "--json");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("meta-llama/Meta-Llama-3-8B-Instruct") && missing.err.contains(
                noLlama.resolve("llama").toString()), missing.err);

        Path otherWhisper = desta2Copy("whisper", "llama", "qformer_connector.pth");
        Files.writeString(otherWhisper.resolve("config.json"), Files.readString(FIXTURE.resolveSibling("desta2-tiny-a")
                .resolve("config.json")).replace("\"openai/whisper-small\"", "\"openai/whisper-base\""));
        Result unknown = run("inspect", "--model", otherWhisper.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "emotion", "--device", "cpu", "--json");
        assertEquals(2, unknown.exitCode);
        assertTrue(unknown.err.contains("openai/whisper-base") && unknown.err.contains("whisper-large-v3"), unknown.err);
    }

    @Test
    void shouldTakeDesta2sWhisperAndLlamaFromTheirOptions() throws Exception {
        Path fixture = FIXTURE.resolveSibling("desta2-tiny-a");
        Path alone = desta2Copy("config.json", "qformer_connector.pth");
        Result result = run("inspect", "--model", alone.toString(), "--whisper", fixture.resolve("whisper").toString(),
                "--llama", fixture.resolve("llama").toString(), "--audio", fixture.resolve("audio.wav").toString(),
                "--attribute", "emotion", "--prompt", "P3", "--device", "cpu", "--json");
        assertEquals(0, result.exitCode, result.err);
        assertEquals(new ObjectMapper().readTree(fixture.resolve("reference.json").toFile()).path("transcription").asText(),
                new ObjectMapper().readTree(result.out).path("transcript").path("text").asText());

        Result notDesta2 = run("inspect", "--model", FIXTURE.toString(), "--whisper", fixture.resolve("whisper").toString(),
                "--audio", fixture.resolve("audio.wav").toString(), "--attribute", "emotion", "--device", "cpu");
        assertEquals(2, notDesta2.exitCode);
        assertTrue(notDesta2.err.contains("--whisper") && notDesta2.err.contains("qwen2-audio"), notDesta2.err);
    }

    /** A DeSTA2 folder of the fixture's files named, each linked, in a folder of its own. */
    private Path desta2Copy(String... files) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("desta2-" + String.join("-", files).replace('.', '_')));
        for (String file : files) {
            Files.createSymbolicLink(copy.resolve(file), FIXTURE.resolveSibling("desta2-tiny-a").resolve(file));
        }
        return copy;
    }

    private static void storedZip(Path file, String name, byte[] data) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
    }

    @Test
    void shouldRefuseAFolderOfAnUnsupportedFamilyNamingTheSupportedOnes() throws Exception {
        Path llama = FIXTURE.resolveSibling("llama-tiny-d");
        Result result = run("inspect", "--model", llama.toString(), "--audio", FIXTURE.resolve("audio.wav").toString(),
                "--attribute", "animal", "--device", "cpu", "--json");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("model_type 'llama'") && result.err.contains("Qwen2-Audio")
                && result.err.contains("Qwen-Audio-Chat") && result.err.contains("DeSTA2"), result.err);
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
