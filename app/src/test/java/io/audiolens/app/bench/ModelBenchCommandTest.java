package io.audiolens.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench model} on the device and precision asked for, and never on another. */
class ModelBenchCommandTest {

    @Test
    void shouldMeasureOnTheCpuInFloat32WhenAskedSo() throws Exception {
        StringWriter err = new StringWriter();
        String out = BenchCli.run(err, "bench", "model", "--device", "cpu", "--dtype", "fp32", "--width", "64", "--encoder-layers",
                "1", "--seconds", "2", "--repeats", "4", "--json");
        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("cpu()/float32", result.path("device").asText());
        double analysis = result.path("analysisMs").asDouble();
        assertEquals(4, result.path("repeats").asInt());
        List<Double> ratios = new ArrayList<>();
        result.path("analysisOverForwardRuns").forEach(r -> ratios.add(r.asDouble()));
        assertEquals(4, ratios.size(), out);
        Collections.sort(ratios);
        assertEquals((ratios.get(1) + ratios.get(2)) / 2, result.path("analysisOverForward").asDouble(), 1e-12,
                "the median of 4 is the mean of the middle two");
        assertEquals(ratios.get(0), result.path("analysisOverForwardMin").asDouble(), 0);
        assertEquals(ratios.get(3), result.path("analysisOverForwardMax").asDouble(), 0);
        assertEquals(result.path("naiveMs").asDouble() / analysis, result.path("naiveOverAnalysis").asDouble(), 1e-9);
        assertTrue(result.path("naiveOverAnalysis").asDouble() > 1, out);
        assertTrue(result.path("maxRelativeDifferenceNaiveVsAnalysis").asDouble() < 1e-4, out);
    }

    @Test
    void shouldBenchAGivenDesta2FolderWithItsTranscriptInEveryPassAndRefuseARandomOne() throws Exception {
        Path desta2 = Path.of("target/test-classes/desta2-tiny-a").toAbsolutePath();
        String out = BenchCli.run(new StringWriter(), "bench", "model", "--model", desta2.toString(), "--device", "cpu",
                "--seconds", "2", "--repeats", "1", "--json");
        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("desta2-tiny-a (desta2)", result.path("model").asText());
        assertTrue(result.path("forwardGflops").isNull(), out);
        assertTrue(result.path("maxRelativeDifferenceNaiveVsAnalysis").asDouble() < 1e-4, out);

        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "model", "--family", "desta2"));
        assertTrue(err.toString().contains("--model DIR"), err.toString());
    }

    @Test
    void shouldRefuseZeroRepeatsWithExitCode2NamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "model", "--repeats", "0"));
        assertTrue(err.toString().contains("--repeats 0: give 1 or more"), err.toString());
    }

    @Test
    void shouldRefuseAGpuThatIsNotThereWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "model", "--device", "gpu"));
        assertTrue(err.toString().startsWith("audiolens: --device gpu: there is no gpu(0) to run on: DJL sees libtorch")
                && err.toString().contains("--device cpu"), err.toString());
    }
}
