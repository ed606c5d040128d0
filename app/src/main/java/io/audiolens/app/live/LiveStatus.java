package io.audiolens.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The live demo's lines on stderr: what was fed and counted, the windows closed, and each new alert. */
final class LiveStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI monitor;
    private final PrintStream out;
    private final Set<String> alertsSeen = new HashSet<>();

    LiveStatus(int dashboardPort, PrintStream out) {
        this.monitor = URI.create("http://127.0.0.1:" + dashboardPort + "/monitor.json");
        this.out = out;
    }

    /** One status line, and a line per alert not printed before; nothing while the aggregator answers 503. */
    void print(LiveDemo demo) {
        JsonNode doc = fetch();
        if (doc == null) {
            return;
        }
        long projections = 0;
        int closed = 0;
        int active = 0;
        for (JsonNode group : doc.get("groups")) {
            for (JsonNode window : group.get("windows")) {
                projections += window.get("readings").get("samples").asLong();
                closed += "open".equalsIgnoreCase(window.get("status").asText()) ? 0 : 1;
            }
            for (JsonNode signal : group.get("signals")) {
                active += signal.get("active").asBoolean() ? 1 : 0;
            }
            for (JsonNode alert : group.get("alerts")) {
                String id = group.get("group").asText() + alert.get("signal").asText() + alert.get("kind").asText()
                        + alert.get("windowStart").asText();
                if (alertsSeen.add(id)) {
                    out.printf("ALERT %s %s of %s: %.3f vs threshold %.3f (windows %s to %s)%n",
                            alert.get("kind").asText(), alert.get("signal").asText(), group.get("group").asText(),
                            alert.get("value").asDouble(), alert.get("threshold").asDouble(),
                            Instant.ofEpochMilli(alert.get("runStart").asLong()),
                            Instant.ofEpochMilli(alert.get("windowEnd").asLong()));
                }
            }
        }
        out.printf("live: %d clips fed%s, %d projections in the kept windows, %d windows closed, %d alerts active%n",
                demo.clipsSent(), demo.shifted() ? " (shifted)" : "", projections, closed, active);
    }

    private JsonNode fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(monitor).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
