package io.audiolens.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench aggregator --json}: its rates, their ratio and the latency percentiles, consistent with each other. */
class AggregatorBenchCommandTest {

    @Test
    void shouldReportRatesTheirRatioAndLatencyPercentiles() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("bench", "aggregator", "--records", "400", "--stream-threads", "2", "--warm-up-seconds", "0",
                "--repeats", "2", "--json"));

        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertTrue(result.path("records").asInt() >= 396, out.toString()); // 4 models × 9 groups × 11, plus duplicates
        assertEquals(2, result.path("streamThreads").asInt(), out.toString());
        // 400 records may be read or committed in one go: then both readers are timed from the start, never one alone
        long timedFrom = result.path("timedFrom").asLong();
        long consumerTimedFrom = result.path("consumerTimedFrom").asLong();
        assertEquals(timedFrom == 0, consumerTimedFrom == 0, out.toString());
        assertTrue(timedFrom == 0 || (timedFrom >= 79 && timedFrom <= 200), out.toString());
        double aggregator = result.path("recordsPerSecond").asDouble();
        double consumer = result.path("consumerRecordsPerSecond").asDouble();
        assertTrue(aggregator > 0 && consumer > 0, out.toString());
        double ratio = result.path("ratio").asDouble();
        assertEquals(Math.round(aggregator / consumer * 1000) / 1000.0, ratio, 0.002);
        // two passes: the headline is the lower of the two (the lower median), the spread their range
        assertEquals(2, result.path("repeats").asInt(), out.toString());
        List<Double> ratios = List.of(result.path("ratios").get(0).asDouble(), result.path("ratios").get(1).asDouble());
        assertEquals(2, result.path("ratios").size(), out.toString());
        assertEquals(Math.min(ratios.get(0), ratios.get(1)), ratio, 1e-9, out.toString());
        assertEquals(Math.min(ratios.get(0), ratios.get(1)), result.path("ratioMin").asDouble(), 1e-9);
        assertEquals(Math.max(ratios.get(0), ratios.get(1)), result.path("ratioMax").asDouble(), 1e-9);
        assertEquals(2, result.path("sameDecoderRatios").size(), out.toString());
        // shares of each stream thread's time: on a CPU, and waiting for commits (the busy share checked by hand
        // against the CPU per record and the rate, as each thread counts its part of the records)
        double busy = result.path("streamThreadsBusyShare").asDouble(-1);
        double commitWait = result.path("streamThreadsCommitWaitShare").asDouble(-1);
        assertTrue(busy >= 0 && commitWait >= 0 && busy + commitWait <= 1.01, out.toString());
        assertEquals(result.path("cpuMicrosPerRecord").asDouble() * aggregator / 1e6 / 2, busy, 0.01 + busy * 0.05,
                out.toString());
        double sameDecoder = result.path("sameDecoderConsumerRecordsPerSecond").asDouble();
        assertTrue(sameDecoder > 0, out.toString());
        assertEquals(Math.round(aggregator / sameDecoder * 1000) / 1000.0, result.path("sameDecoderRatio").asDouble(),
                0.002);
        assertTrue(result.path("sameDecoderConsumerCpuMicrosPerRecord").asDouble() > 0, out.toString());
        assertEquals(1, result.path("warmUpRounds").asInt(), "--warm-up-seconds 0: one round; " + out);
        assertEquals(0, result.path("warmUpBudgetSeconds").asInt(), out.toString());
        assertTrue(result.path("warmUpSpentSeconds").asDouble() > 0, out.toString());
        // CPU per record, from RUNNING for the stream threads: with 400 records they may have counted most of them
        // before that, so only its presence is checked here; the consumer's thread is timed around its reads
        assertTrue(result.path("cpuMicrosPerRecord").isNumber() && result.path("cpuMicrosPerRecord").asDouble() >= 0,
                out.toString());
        assertTrue(result.path("consumerCpuMicrosPerRecord").asDouble() > 0, out.toString());
        double p50 = result.path("latencyP50Ms").asDouble();
        double p99 = result.path("latencyP99Ms").asDouble();
        assertTrue(0 <= p50 && p50 <= p99 && p99 <= result.path("latencyMaxMs").asDouble(), out.toString());
        assertEquals(1800, result.path("latencyProjections").asInt(), "200 fresh samples × 9 groups, each once");
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);
        assertEquals(5, LatencyRun.percentile(values, 50));
        assertEquals(10, LatencyRun.percentile(values, 99));
        assertEquals(1, LatencyRun.percentile(values, 1));
        assertEquals(10, LatencyRun.percentile(values, 100));
    }

    @Test
    void shouldRefuseTooFewRecordsWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "aggregator", "--records", "5"));
        assertTrue(err.toString().contains("--records 5: give at least 36"), err.toString());
        assertEquals(2, cli.execute("bench", "aggregator", "--stream-threads", "0"));
        assertTrue(err.toString().contains("--stream-threads 0: give 1 or more threads"), err.toString());
        assertEquals(2, cli.execute("bench", "aggregator", "--warm-up-seconds", "-1"));
        assertTrue(err.toString().contains("--warm-up-seconds -1: give 0 or more seconds"), err.toString());
        assertEquals(2, cli.execute("bench", "aggregator", "--repeats", "0"));
        assertTrue(err.toString().contains("--repeats 0: give 1 or more timed passes"), err.toString());
    }
}
