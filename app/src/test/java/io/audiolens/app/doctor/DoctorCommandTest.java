package io.audiolens.app.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import io.audiolens.app.run.ChildProcess;
import io.audiolens.app.run.ChildProcess.Finished;
import io.audiolens.app.run.ChildProcess.Running;
import io.audiolens.worker.testing.HubCacheLayout;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code audiolens doctor} on this machine (CPU libtorch, no GPU), and with a libtorch that cannot be loaded. */
class DoctorCommandTest {
    private static final Path FIXTURES = Path.of("target/test-classes").toAbsolutePath();
    private static final String COMMIT = "1111111111111111111111111111111111111111";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldListTheCpuEngineItsLibtorchNoGpuAndTheModelsInTheCache() throws Exception {
        HubCacheLayout layout = new HubCacheLayout(dir.resolve("hub"));
        layout.snapshot("audiolens/qwen2audio-tiny-a", COMMIT, FIXTURES.resolve("qwen2audio-tiny-a"));
        layout.ref("audiolens/qwen2audio-tiny-a", "main", COMMIT);
        layout.snapshot("audiolens/llama-tiny-d", COMMIT, FIXTURES.resolve("llama-tiny-d"));
        layout.snapshot("audiolens/qwenaudio-tiny-a", COMMIT, FIXTURES.resolve("qwenaudio-tiny-a"));
        layout.put("audiolens/qwenaudio-tiny-a", COMMIT, "model.safetensors.index.json",
                "{\"weight_map\": {\"lm_head.weight\": \"model-00002-of-00002.safetensors\"}}");

        Finished doctor = ChildProcess.run(dir, Map.of("HF_HUB_CACHE", layout.root().toString()), "doctor", "--json");
        assertEquals(0, doctor.exitCode(), doctor.err());
        JsonNode report = JSON.readTree(doctor.out());
        assertEquals(System.getProperty("java.version"), report.path("java").path("version").asText());
        assertTrue(System.getProperty("java.class.path").contains("api-" + report.path("djl").path("version").asText()
                + ".jar"), report.path("djl").toString());
        JsonNode engine = report.path("engine");
        assertTrue(engine.path("started").asBoolean(), engine.toString());
        assertEquals("cpu", engine.path("flavor").asText());
        assertTrue(bundledLibtorchVersion().startsWith(engine.path("libtorchVersion").asText() + "-"), engine.toString());
        Path folder = Path.of(engine.path("libtorchFolder").asText());
        assertTrue(Files.isRegularFile(folder.resolve("libtorch.so")), folder.toString());
        assertTrue(engine.path("libraries").toString().contains("\"libtorch_cpu.so\""), engine.toString());
        assertFalse(engine.path("libraries").toString().contains("cuda"), engine.toString());
        Path jni = Path.of(engine.path("jniLibrary").asText());
        assertTrue(Files.isRegularFile(jni) && jni.getFileName().toString().endsWith("libdjl_torch.so"), jni.toString());
        assertEquals(0, engine.path("gpuCount").asInt());
        assertEquals(0, engine.path("gpus").size());

        JsonNode hub = report.path("huggingFaceCache");
        assertEquals(layout.root().toString(), hub.path("cache").asText());
        assertEquals("$HF_HUB_CACHE", hub.path("chosenBy").asText());
        assertEquals(3, hub.path("models").size());
        JsonNode llama = hub.path("models").get(0);
        assertEquals("audiolens/llama-tiny-d", llama.path("repo").asText());
        assertEquals("not supported (model_type 'llama')", llama.path("snapshots").get(0).path("family").asText());
        JsonNode qwen2audio = hub.path("models").get(1);
        assertEquals(COMMIT, qwen2audio.path("refs").path("main").asText());
        assertEquals("qwen2-audio", qwen2audio.path("snapshots").get(0).path("family").asText());
        assertEquals(0, qwen2audio.path("snapshots").get(0).path("missing").size());
        JsonNode incomplete = hub.path("models").get(2).path("snapshots").get(0);
        assertEquals("qwen-audio", incomplete.path("family").asText());
        assertTrue(incomplete.path("missing").get(0).asText().contains("lists model-00002-of-00002.safetensors"),
                incomplete.toString());
    }

    @Test
    void shouldPrintEveryCauseWhenTheEngineCannotStartAndPointCommandsToDoctor() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(fake.resolve("libtorch.so"), "not a shared library");
        Running onEmpty = ChildProcess.start(dir, Map.of("PYTORCH_LIBRARY_PATH", empty.toString()), "doctor", "--json");
        Running onFake = ChildProcess.start(dir, Map.of("PYTORCH_LIBRARY_PATH", fake.toString()), "doctor", "--json");
        Path fixture = FIXTURES.resolve("qwen2audio-tiny-a");
        Running inspect = ChildProcess.start(dir, Map.of("PYTORCH_LIBRARY_PATH", fake.toString()), "inspect", "--model",
                fixture.toString(), "--audio", fixture.resolve("audio.wav").toString(), "--attribute", "animal");

        Finished emptyRun = onEmpty.await();
        assertEquals(1, emptyRun.exitCode(), emptyRun.err());
        JsonNode causes = JSON.readTree(emptyRun.out()).path("engine").path("causes");
        assertEquals(1, causes.size(), causes.toString());
        assertTrue(causes.get(0).asText().contains("PYTORCH_LIBRARY_PATH=" + empty + " holds no libtorch.so"), causes.toString());

        Finished fakeRun = onFake.await();
        assertEquals(1, fakeRun.exitCode(), fakeRun.err());
        JsonNode engine = JSON.readTree(fakeRun.out()).path("engine");
        assertFalse(engine.path("started").asBoolean());
        assertEquals(3, engine.path("causes").size(), engine.toString());
        assertTrue(engine.path("causes").get(0).asText().endsWith("the PyTorch engine did not start"), engine.toString());
        assertTrue(engine.path("causes").get(1).asText().startsWith("ai.djl.engine.EngineException:"), engine.toString());
        assertTrue(engine.path("causes").get(2).asText().startsWith("java.lang.UnsatisfiedLinkError: " + fake.resolve("libtorch.so")),
                engine.toString());

        Finished inspectRun = inspect.await();
        assertEquals(1, inspectRun.exitCode(), inspectRun.err());
        assertTrue(inspectRun.err().contains("audiolens: the PyTorch engine did not start\n  caused by ai.djl.engine.EngineException")
                && inspectRun.err().contains("  caused by java.lang.UnsatisfiedLinkError: " + fake.resolve("libtorch.so"))
                && inspectRun.err().contains("run `audiolens doctor`"), inspectRun.err());
    }

    @Test
    void shouldSayWhetherTheEndpointsGivenAcceptConnections() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        try (ServerSocket open = new ServerSocket(0)) {
            assertEquals(0, cli.execute("doctor", "--json", "--bootstrap-servers", "127.0.0.1:" + open.getLocalPort()
                    + ",127.0.0.1:" + closed, "--registry-url", "http://127.0.0.1:" + closed), err.toString());
        }
        JsonNode endpoints = JSON.readTree(out.toString()).path("endpoints");
        assertTrue(endpoints.path("bootstrapServers").get(0).path("reachable").asBoolean(), endpoints.toString());
        assertFalse(endpoints.path("bootstrapServers").get(1).path("reachable").asBoolean(), endpoints.toString());
        assertFalse(endpoints.path("registry").path("reachable").asBoolean(), endpoints.toString());

        assertEquals(2, cli.execute("doctor", "--bootstrap-servers", "kafka"));
        assertTrue(err.toString().contains("--bootstrap-servers kafka: 'kafka' is not host:port"), err.toString());
    }

    /** The version of the CPU libtorch jar on the classpath, as that jar writes it ({@code 2.7.1-20250812}). */
    private static String bundledLibtorchVersion() throws Exception {
        try (InputStream in = DoctorCommandTest.class.getResourceAsStream("/native/lib/pytorch.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
