package io.audiolens.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench worker} on the bundled model and clips: its keys, its arithmetic, and its refusals. */
class WorkerBenchCommandTest {
    private static final Path MODEL = Path.of("../demo/audiolens-tiny").toAbsolutePath().normalize();
    private static final Path DATA = Path.of("../demo/data/heldout").toAbsolutePath().normalize();

    @Test
    void shouldTimeBatch1AndTheGivenSizesAndNameTheBest() throws Exception {
        StringWriter err = new StringWriter();
        String out = BenchCli.run(err, "bench", "worker", "--model", MODEL.toString(), "--data", DATA.toString(), "--device", "cpu",
                "--clips", "5", "--repeats", "2", "--batch-sizes", "3", "--json");
        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("audiolens-tiny (qwen2-audio)", result.path("model").asText());
        assertEquals(5, result.path("clips").asInt());
        assertEquals(0, result.path("rejected").asInt());
        assertEquals(9.0, result.path("projectionsPerClip").asDouble(), 0, "3 prompts × 3 views");
        JsonNode batches = result.path("batches");
        assertEquals(2, batches.size(), "batch 1 is timed even when not asked for: " + out);
        for (String size : new String[] {"1", "3"}) {
            JsonNode batch = batches.path(size);
            assertEquals(2, batch.path("clipsPerSecondPasses").size(), out);
            double a = batch.path("clipsPerSecondPasses").get(0).asDouble();
            double b = batch.path("clipsPerSecondPasses").get(1).asDouble();
            assertEquals((a + b) / 2, batch.path("clipsPerSecond").asDouble(), 1e-9, "the median of 2 passes");
            assertEquals(9 * batch.path("clipsPerSecond").asDouble(), batch.path("projectionsPerSecond").asDouble(), 1e-9);
            assertTrue(batch.path("maxRelativeDifferenceVsBatch1").asDouble() <= 1e-5, out);
        }
        assertEquals(0.0, batches.path("1").path("maxRelativeDifferenceVsBatch1").asDouble(), 0);
        assertEquals(batches.path("1").path("clipsPerSecond").asDouble(), result.path("clipsPerSecondBatch1").asDouble(), 0);
        String best = result.path("bestBatch").asText();
        double bestSpeed = Math.max(batches.path("1").path("clipsPerSecond").asDouble(),
                batches.path("3").path("clipsPerSecond").asDouble());
        assertEquals(bestSpeed, batches.path(best).path("clipsPerSecond").asDouble(), 0, out);
        assertEquals(bestSpeed, result.path("clipsPerSecondBest").asDouble(), 0, out);
        assertEquals(bestSpeed / result.path("clipsPerSecondBatch1").asDouble(), result.path("bestOverBatch1").asDouble(), 1e-12);
        assertTrue(err.toString().contains("pass 2/2, batch 3:"), "progress on stderr: " + err);
    }

    @Test
    void shouldRefuseBadSizesWithExitCode2NamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "worker", "--batch-sizes", "0,4"));
        assertTrue(err.toString().contains("--batch-sizes [0, 4]: batch sizes are 1 or more"), err.toString());
        assertEquals(2, cli.execute("bench", "worker", "--data", "/nonexistent/clips"));
        assertTrue(err.toString().contains("--data /nonexistent/clips does not exist"), err.toString());
    }
}
