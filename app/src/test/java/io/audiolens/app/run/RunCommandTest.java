package io.audiolens.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code audiolens run} on a SAKURA-layout folder, end to end on the embedded broker and registry. */
class RunCommandTest {
    private static final Path DATASET = Path.of("target/test-classes/speech-mini").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void shouldWriteExactlyOneProjectionPerSampleFormatAndViewMatchingInspect() throws Exception {
        int code = AudioLens.commandLine().execute("run", "--dataset", DATASET.toString(), "--model",
                TestSamples.FIXTURE.toString(), "--out", out.toString(), "--device", "cpu", "--probe-size", "2");
        assertEquals(0, code);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("projections.jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        int samples = clips("Gender") + clips("Language");
        assertEquals(samples * 3 * 3, lines.size());
        Set<String> keys = new HashSet<>();
        lines.forEach(l -> keys.add(l.path("sampleId").asText() + "|" + l.path("prompt").asText() + "|" + l.path("view").asText()));
        assertEquals(lines.size(), keys.size(), "one record per sample × format × view");
        long probes = lines.stream().filter(l -> l.path("attribute").asText().equals("language")
                && l.path("split").asText().equals("probe")).count();
        assertEquals(2 * 3 * 3, probes, "--probe-size 2 per attribute");

        assertMetricsEqualOfflineAggregation();

        JsonNode inspect = inspect("Language/audio/korean_m7_27.wav", "language", "P2");
        for (String view : List.of("last", "penultimate", "last_audio_masked")) {
            JsonNode projection = lines.stream().filter(l -> l.path("sampleId").asText().endsWith("/language/korean_m7_27.wav")
                    && l.path("prompt").asText().equals("P2") && l.path("view").asText().equals(view)).findFirst().orElseThrow();
            assertEquals("Korean", projection.path("label").asText());
            assertEquals(inspect.path("prediction").asText(), projection.path("modelPrediction").asText());
            JsonNode expected = inspect.path("views").path(view);
            JsonNode actual = projection.path("layerProbs");
            assertEquals(expected.size(), actual.size());
            for (int l = 0; l < expected.size(); l++) {
                double largest = 0;
                for (JsonNode p : expected.get(l)) {
                    largest = Math.max(largest, p.asDouble());
                }
                for (int y = 0; y < expected.get(l).size(); y++) {
                    // with --batch-size above 1 the worker's numbers move by ~1e-6: equal to inspect's within 1e-5
                    assertEquals(expected.get(l).get(y).asDouble(), actual.get(l).get(y).asDouble(), 1e-5 * largest,
                            view + " layer " + (l + 1) + " label " + y);
                }
            }
        }
    }

    @Test
    void shouldRunADesta2FolderIntoTheMetricsAndAReportPanel() throws Exception {
        // DeSTA2 runs Whisper over the whole 30 s window per clip: four gender clips keep the test short
        Path dataset = fourGenderClips();
        Path desta2 = TestSamples.FIXTURE.resolveSibling("desta2-tiny-a");
        assertEquals(0, AudioLens.commandLine().execute("run", "--dataset", dataset.toString(), "--model",
                desta2.toString(), "--out", out.resolve("run").toString(), "--device", "cpu", "--probe-size", "2",
                "--prompts", "P3"));
        JsonNode metrics = JSON.readTree(out.resolve("run/metrics.json").toFile());
        long groups = 0;
        for (JsonNode group : metrics.path("groups")) {
            assertEquals("desta2-tiny-a", group.path("model").asText());
            assertEquals(4, group.path("samples").asInt());
            groups++;
        }
        assertEquals(3, groups, "gender × P3 × three views");
        assertEquals(4 * 3, Files.readAllLines(out.resolve("run/projections.jsonl")).size());

        Path report = out.resolve("report");
        assertEquals(0, AudioLens.commandLine().execute("report", "--metrics", out.resolve("run/metrics.json").toString(),
                "--out", report.toString()));
        assertTrue(Files.isRegularFile(report.resolve("figures/fig2-desta2-tiny-a-gender.png")));
        assertTrue(Files.readString(report.resolve("index.html")).contains("desta2-tiny-a"));
    }

    @Test
    void shouldNameWhatToRemoveWhenRerunOnAFolderWhoseRunFailedAfterItsPlatformStarted() throws Exception {
        Path dataset = fourGenderClips();
        Path broken = Files.createDirectories(out.resolve("broken-model"));
        try (var files = Files.list(TestSamples.FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
        Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3}); // read once the platform serves
        Path folder = out.resolve("reused");
        String[] run = {"run", "--dataset", dataset.toString(), "--out", folder.toString(), "--device", "cpu",
                "--probe-size", "2", "--prompts", "P1"};

        Outcome failed = execute(run, "--model", broken.toString());
        assertEquals(2, failed.code(), failed.err());
        assertTrue(failed.err().contains("model.safetensors"), failed.err());
        assertTrue(Files.isRegularFile(folder.resolve("platform/kafka/logs/meta.properties")), "the platform never started");

        String removeIt = "remove " + folder.toAbsolutePath().resolve("platform") + " (rm -rf ";
        Outcome rerun = execute(run, "--model", TestSamples.FIXTURE.toString());
        assertEquals(2, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains(removeIt), rerun.err());
        Outcome demo = execute(new String[] {"demo", "--data", dataset.toString(), "--model", TestSamples.FIXTURE.toString(),
                "--out", folder.toString(), "--device", "cpu"});
        assertEquals(2, demo.code(), demo.err());
        assertTrue(demo.err().contains(removeIt), demo.err());

        deleteRecursively(folder.resolve("platform"));
        Outcome afterRemoval = execute(run, "--model", TestSamples.FIXTURE.toString());
        assertEquals(0, afterRemoval.code(), afterRemoval.err());
        assertEquals(4 * 3, Files.readAllLines(folder.resolve("projections.jsonl")).size(), "4 clips × P1 × 3 views");
    }

    /** Exit code and stderr of one in-process command. */
    private record Outcome(int code, String err) {}

    /** {@code audiolens ARGS MORE}, in this JVM. */
    private static Outcome execute(String[] args, String... more) {
        StringWriter stderr = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(stderr));
        String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
        return new Outcome(cli.execute(all), stderr.toString());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The first four clips of the Gender track, as a SAKURA folder of their own. */
    private Path fourGenderClips() throws IOException {
        Path audio = Files.createDirectories(out.resolve("gender-4/Gender/audio"));
        List<String> metadata = Files.readAllLines(DATASET.resolve("Gender/metadata.csv")).subList(0, 5);
        Files.write(audio.resolveSibling("metadata.csv"), metadata);
        for (String row : metadata.subList(1, 5)) {
            String file = row.substring(0, row.indexOf(','));
            Files.copy(DATASET.resolve("Gender/audio").resolve(file), audio.resolve(file));
        }
        return out.resolve("gender-4");
    }

    /** The live aggregator's metrics.json equals `audiolens aggregate` over the files the run wrote. */
    private void assertMetricsEqualOfflineAggregation() throws Exception {
        Path offline = out.resolve("offline-metrics.json");
        assertEquals(0, AudioLens.commandLine().execute("aggregate", "--input", out.resolve("projections.jsonl").toString(),
                "--outcomes", out.resolve("outcomes.jsonl").toString(), "--probe-size", "2", "--out", offline.toString()));
        JsonNode live = JSON.readTree(out.resolve("metrics.json").toFile());
        assertEquals(JSON.readTree(offline.toFile()), live);
        assertEquals(6, live.path("enrichment").size(), "one enrichment entry per attribute × prompt");
        assertTrue(Files.readAllLines(out.resolve("outcomes.jsonl")).size() > 0 || live.path("enrichment").findValues(
                "notRequestedBecause").stream().allMatch(n -> !n.isNull()), "requested enrichment without outcomes");
        assertTargetLayers(live, 1); // the fixture's 8 layers: the paper's offset 5 of 32 layers scales to 1

        Path fixed = out.resolve("fixed-offset-metrics.json");
        assertEquals(0, AudioLens.commandLine().execute("aggregate", "--input", out.resolve("projections.jsonl").toString(),
                "--probe-size", "2", "--enrich-offset", "2", "--out", fixed.toString()));
        assertTargetLayers(JSON.readTree(fixed.toFile()), 2);
        StringWriter stderr = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(stderr));
        assertEquals(2, cli.execute("aggregate", "--input", out.resolve("projections.jsonl").toString(),
                "--enrich-offset", "0", "--out", fixed.toString()));
        assertTrue(stderr.toString().contains("--enrich-offset must be at least 1, got 0"), stderr.toString());
    }

    /** Every enrichment decision with a source layer ℓ̄ names ℓ̄ + offset as its target; at least one has one. */
    private static void assertTargetLayers(JsonNode metrics, int offset) {
        int decided = 0;
        for (JsonNode entry : metrics.path("enrichment")) {
            if (entry.path("sourceLayer").isNumber()) {
                assertEquals(entry.path("sourceLayer").asInt() + offset, entry.path("targetLayer").asInt(), entry.toString());
                decided++;
            }
        }
        assertTrue(decided > 0, "no enrichment decision has a source layer: " + metrics.path("enrichment"));
    }

    private static int clips(String track) throws Exception {
        return Files.readAllLines(DATASET.resolve(track).resolve("metadata.csv")).size() - 1;
    }

    private static JsonNode inspect(String file, String attribute, String prompt) throws Exception {
        StringWriter stdout = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(stdout));
        assertEquals(0, cli.execute("inspect", "--model", TestSamples.FIXTURE.toString(), "--audio",
                DATASET.resolve(file).toString(), "--attribute", attribute, "--prompt", prompt, "--device", "cpu", "--json"));
        assertTrue(stdout.toString().startsWith("{"));
        return JSON.readTree(stdout.toString());
    }
}
