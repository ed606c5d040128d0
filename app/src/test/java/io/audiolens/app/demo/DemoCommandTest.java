package io.audiolens.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new TeeOutputStream(original, stderr), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = AudioLens.commandLine().execute("demo", "--data", SUBSET.toString(), "--model",
                    BUNDLED_MODEL.toString(), "--out", out.resolve("demo").toString(), "--probe-size", "2", "--device", "cpu");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, code);
        Path folder = out.resolve("demo");
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        String done = stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> l.endsWith("— done")).findFirst()
                .orElseThrow(() -> new AssertionError("no final progress line in " + stderr));
        for (JsonNode row : metrics.path("tableII")) {
            // the last progress line shows the critical layers of the metrics.json the run writes
            String expected = String.format("%s accuracy %.1f%%", row.path("attribute").asText(),
                    100 * row.path("accuracy").asDouble());
            assertTrue(done.contains(expected), done + " lacks " + expected);
            if (row.path("criticalLayer").isNumber()) {
                String layer = String.format("critical layer %.2f", row.path("criticalLayer").asDouble());
                assertTrue(done.contains(layer), done + " lacks " + layer);
            }
        }
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

    /** Writes to both streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
