package io.audiolens.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's code path on a small held-out subset with the bundled tiny model: run, metrics, report. */
class DemoCommandTest {
    private static final Path SUBSET = Path.of("target/test-classes/speech-mini").toAbsolutePath();
    private static final Path BUNDLED_MODEL = Path.of("../demo/audiolens-tiny").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @Test
    void shouldRunTheBundledModelLiveAndEndWithAReport() throws Exception {
        int code = AudioLens.commandLine().execute("demo", "--data", SUBSET.toString(), "--model", BUNDLED_MODEL.toString(),
                "--out", out.resolve("demo").toString(), "--probe-size", "2", "--device", "cpu");
        assertEquals(0, code);
        Path folder = out.resolve("demo");
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        assertEquals(2 * 3 * 3, metrics.path("groups").size(), "gender and language × P1–P3 × 3 views");
        assertEquals(2, metrics.path("tableII").size());
        for (String file : new String[] {"report/index.html", "report/tables.md", "report/table2.csv", "report/table3.csv",
                "report/metrics.json", "report/projections.jsonl"}) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        try (var figures = Files.list(folder.resolve("report/figures"))) {
            assertTrue(figures.filter(f -> f.toString().endsWith(".png")).count() >= 6, "figures 2–4 per attribute");
        }
    }
}
