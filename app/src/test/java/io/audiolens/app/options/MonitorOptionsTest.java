package io.audiolens.app.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The monitor's options, and bad options of the commands that take them: exit 2, naming the option and the fix. */
class MonitorOptionsTest {

    @Test
    void shouldReadDurationsAndThresholdsOverTheDefaults() {
        MonitorOptions options = new MonitorOptions();
        new CommandLine(options).parseArgs("--window", "2m", "--grace", "PT15S", "--alert-after", "4",
                "--answer-mix-threshold", "0.2");

        MonitorSettings settings = options.settings();

        assertEquals(Duration.ofMinutes(2), settings.window());
        assertEquals(Duration.ofSeconds(15), settings.grace());
        assertEquals(4, settings.windowsInARow());
        assertEquals(0.2, settings.answerMixBits());
        assertEquals(MonitorSettings.defaults().baselineWindows(), settings.baselineWindows());
        assertEquals(Duration.ofMillis(500), MonitorOptions.duration("--window", "500ms"));
    }

    @Test
    void shouldExitWith2NamingTheOptionAndTheFix() {
        assertUsageError("--window 10x is not a duration; write it like 60s, 2m, 500ms or PT1M",
                "aggregator", "--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1",
                "--window", "10x");
        assertUsageError("thresholds must be finite and above 0", "aggregator", "--bootstrap-servers", "127.0.0.1:1",
                "--registry-url", "http://127.0.0.1:1", "--agreement-threshold", "0");
        assertUsageError("--stream-threads 0: give 1 or more threads", "aggregator", "--bootstrap-servers", "127.0.0.1:1",
                "--registry-url", "http://127.0.0.1:1", "--stream-threads", "0");
        assertUsageError("--commit-interval-ms 0: give 1 or more milliseconds (200 by default)", "aggregator",
                "--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1", "--commit-interval-ms", "0");
        assertUsageError("--live", "demo", "--rate", "2");
        assertUsageError("--unpin needs --group KEY", "baseline", "--unpin", "--bootstrap-servers", "127.0.0.1:1",
                "--registry-url", "http://127.0.0.1:1");
        assertUsageError("--shift lowpass:20.0 is outside 100 to 7900 Hz", "produce", "--watch", ".", "--attribute",
                "language", "--shift", "lowpass:20", "--bootstrap-servers", "127.0.0.1:1", "--registry-url",
                "http://127.0.0.1:1");
    }

    private static void assertUsageError(String expected, String... args) {
        StringWriter err = new StringWriter();
        int exit = AudioLens.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
    }
}
