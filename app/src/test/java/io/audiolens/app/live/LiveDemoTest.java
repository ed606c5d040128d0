package io.audiolens.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.embedded.Polling;
import io.audiolens.producers.shift.AudioShift;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.runtime.ComputeDevice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --live} as people and machines see it: the dashboard in headless Chromium loads without a
 * console error, draws its figures and changes by itself while samples flow, and shows the alert once the
 * feed shifts; both Prometheus endpoints answer with our named metrics above zero; health says ready. The
 * last screenshot stays in {@code target/live-dashboard/} for people to look at.
 */
class LiveDemoTest {
    private static final Path HELDOUT = Path.of("../demo/data/heldout").toAbsolutePath().normalize();
    private static final Path MODEL = Path.of("../demo/audiolens-tiny").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "live-dashboard").toAbsolutePath();
    private static final Duration SHIFT_AFTER = Duration.ofSeconds(35);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path scratch;

    @Test
    void shouldShowTheStreamAndItsDriftAlertLiveOnTheDashboardAndInPrometheus() throws Exception {
        assumeTrue(ChromiumDevTools.installed(), "SKIPPED: " + ChromiumDevTools.BINARY + " is absent; install it with"
                + " `apt-get install -y chromium` (.ci/run does)");
        Files.createDirectories(SCREENSHOTS);
        LiveDemo.Settings settings = new LiveDemo.Settings(HELDOUT, "language", ModelLocation.folder(MODEL), scratch.resolve("live"), 0, 4,
                AudioShift.parse("lowpass:1000"), SHIFT_AFTER, Duration.ofMinutes(10), LiveDemo.MONITOR,
                ComputeDevice.cpu());
        long start = System.nanoTime();
        try (LiveDemo demo = LiveDemo.start(settings);
                ChromiumDevTools browser = ChromiumDevTools.start(scratch, 1400, 1700)) {
            int port = demo.dashboardPort();
            Polling.awaitUntil(() -> groups(port) > 0, Duration.ofSeconds(90), Duration.ofMillis(500),
                    "the first monitor windows on /monitor.json");
            browser.open("http://127.0.0.1:" + port + "/");
            Polling.awaitUntil(() -> number(browser, "Number(document.body.dataset.updates || 0)") >= 1,
                    Duration.ofSeconds(30), Duration.ofMillis(200), "the dashboard's first update");

            double countBefore = number(browser, "Number(document.getElementById('sample-count').textContent)");
            String answersBefore = answerMix(browser);
            for (String chart : List.of("chart-answers", "chart-settle", "chart-agreement", "chart-drift")) {
                assertEquals(1, number(browser, "document.querySelectorAll('#" + chart + " canvas').length"),
                        chart + " is drawn on a canvas");
            }
            assertTrue(number(browser, "Number(document.getElementById('chart-answers').dataset.points)") > 0);
            assertTrue(number(browser, "Number(document.getElementById('chart-agreement').dataset.points)") > 0);
            Polling.awaitUntil(() -> number(browser, "Number(document.getElementById('sample-count').textContent)")
                    > countBefore && !answerMix(browser).equals(answersBefore), Duration.ofSeconds(30),
                    Duration.ofMillis(500), "the sample count and the answer-mix chart to change by themselves");
            browser.screenshot(SCREENSHOTS.resolve("before-the-shift.png"));

            Polling.awaitUntil(() -> number(browser, "document.querySelectorAll('#alerts tr.raised').length") > 0,
                    Duration.ofSeconds(150), Duration.ofSeconds(1), "a RAISED alert in the dashboard's list");
            System.out.printf("first alert on the dashboard %.0f s after start, the shift at %d s%n",
                    (System.nanoTime() - start) / 1e9, SHIFT_AFTER.toSeconds());
            assertTrue(number(browser, "Number(document.getElementById('chart-drift').dataset.points)") > 0,
                    "the drift distances are drawn");
            Thread.sleep(3_000); // one more poll, so the screenshot shows the alert's windows
            browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));
            assertEquals(List.of(), browser.errors(), "the page logged no error");

            assertOperatorEndpoints(port, demo.workerPort());
        }
    }

    private static void assertOperatorEndpoints(int aggregatorPort, int workerPort) throws Exception {
        PrometheusText aggregator = PrometheusText.scrape(aggregatorPort);
        Files.writeString(SCREENSHOTS.resolve("aggregator-metrics.txt"), aggregator.text());
        assertTrue(aggregator.contentType().startsWith("text/plain; version=0.0.4"), aggregator.contentType());
        assertTrue(aggregator.sum("audiolens_aggregator_records_total", "outcome=\"counted\"") > 0);
        assertTrue(aggregator.sum("audiolens_monitor_alerts_total", "kind=\"raised\"") > 0);
        assertTrue(aggregator.sum("audiolens_monitor_drift", "signal=\"answer_mix\"") > 0);
        assertTrue(aggregator.sum("kafka_stream_thread_process_total") > 0, "Kafka Streams metrics");
        assertTrue(aggregator.sum("jvm_memory_used_bytes", "role=\"aggregator\"") > 0, "JVM metrics");
        PrometheusText worker = PrometheusText.scrape(workerPort);
        Files.writeString(SCREENSHOTS.resolve("worker-metrics.txt"), worker.text());
        assertTrue(worker.sum("audiolens_worker_samples_total") > 0);
        assertTrue(worker.sum("audiolens_worker_forward_seconds_count") > 0);
        assertTrue(worker.has("audiolens_worker_forward_seconds_bucket"), "a latency histogram");
        assertTrue(worker.sum("kafka_consumer_fetch_manager_records_consumed_total") > 0, "Kafka client metrics");
        assertTrue(worker.sum("audiolens_worker_assigned_partitions") > 0);
        for (int port : List.of(aggregatorPort, workerPort)) {
            for (String path : List.of("/healthz", "/readyz")) {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), path + " on " + port + ": " + health.body());
            }
        }
    }

    /** What the answer-mix chart draws, as JSON. */
    private static String answerMix(ChromiumDevTools browser) {
        try {
            return browser.evaluate("JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-answers'))"
                    + ".getOption().series.map(function (s) { return s.data; }))").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double number(ChromiumDevTools browser, String expression) {
        try {
            return browser.evaluate(expression).asDouble();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int groups(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/monitor.json")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            JsonNode doc = new ObjectMapper().readTree(response.body());
            return doc.get("groups").size();
        } catch (Exception e) {
            return 0;
        }
    }
}
