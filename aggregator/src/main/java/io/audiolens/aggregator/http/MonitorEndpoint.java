package io.audiolens.aggregator.http;

import com.sun.net.httpserver.HttpExchange;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.monitor.BaselinePublisher;
import io.audiolens.aggregator.monitor.GroupView;
import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.WindowStatus;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /monitor.json} (every instance's groups), {@code GET /local/monitor} (this instance's), and
 * {@code POST /monitor/baseline?group=G&from=T&to=T} — pin the pooled closed windows of G that start in
 * [from, to] (epoch ms or ISO-8601 instants) as its baseline — or {@code DELETE /monitor/baseline?group=G}
 * to return G to its default baseline.
 */
class MonitorEndpoint {

    static final String MONITOR = "/monitor.json";
    static final String LOCAL_MONITOR = "/local/monitor";
    static final String BASELINE = "/monitor/baseline";

    /** Until the app is built: every request is answered 503. */
    static final MonitorEndpoint STARTING = new MonitorEndpoint(null, null, null, null);

    private final ClusterStates cluster;
    private final AggregatorSettings settings;
    private final KafkaCluster kafka;
    private final SerdeConfig serdes;

    MonitorEndpoint(ClusterStates cluster, AggregatorSettings settings, KafkaCluster kafka, SerdeConfig serdes) {
        this.cluster = cluster;
        this.settings = settings;
        this.kafka = kafka;
        this.serdes = serdes;
    }

    void document(HttpExchange exchange) throws IOException {
        MetricsHttpServer.respond(exchange, () -> running().allMonitor().toJson());
    }

    void local(HttpExchange exchange) throws IOException {
        MetricsHttpServer.respond(exchange, () -> running().localMonitor().toJson());
    }

    void baseline(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            try {
                Map<String, String> query = query(exchange);
                String group = required(query, "group");
                String answer = switch (method) {
                    case "POST" -> pin(group, instant(query, "from"), instant(query, "to"));
                    case "DELETE" -> unpin(group);
                    default -> throw new BadRequest("use POST to pin a baseline or DELETE to unpin it, not " + method);
                };
                MetricsHttpServer.send(exchange, 200, "text/plain; charset=utf-8", bytes(answer));
            } catch (BadRequest e) {
                MetricsHttpServer.send(exchange, 400, "text/plain; charset=utf-8", bytes(e.getMessage() + "\n"));
            } catch (MetricsUnavailable e) {
                MetricsHttpServer.send(exchange, 503, "text/plain; charset=utf-8", bytes(e.getMessage() + "\n"));
            }
        }
    }

    private String pin(String group, long from, long to) throws BadRequest, MetricsUnavailable {
        GroupView view = running().allMonitor().groups().stream().filter(g -> g.group().equals(group)).findFirst()
                .orElseThrow(() -> new BadRequest("no group " + group + " in /monitor.json; name one of its groups"));
        List<GroupView.WindowView> windows = view.windows().stream()
                .filter(w -> w.start() >= from && w.start() <= to && w.status() != WindowStatus.OPEN)
                .filter(w -> w.readings().samples() > 0).toList();
        if (windows.isEmpty()) {
            throw new BadRequest("group " + group + " has no closed window with samples starting between "
                    + Instant.ofEpochMilli(from) + " and " + Instant.ofEpochMilli(to) + "; widen from/to");
        }
        ReadingCounts pooled = windows.get(0).readings().counts();
        for (GroupView.WindowView window : windows.subList(1, windows.size())) {
            pooled = pooled.plus(window.readings().counts());
        }
        String source = windows.size() + " windows " + Instant.ofEpochMilli(windows.get(0).start()) + " to "
                + Instant.ofEpochMilli(windows.get(windows.size() - 1).end()) + ", pinned over HTTP";
        try (BaselinePublisher publisher = new BaselinePublisher(kafka, serdes, settings.topics().baselines())) {
            publisher.pin(group, source, view.labels(), pooled);
        }
        return "pinned " + group + ": " + source + " (" + pooled.samples() + " samples)\n";
    }

    private String unpin(String group) {
        try (BaselinePublisher publisher = new BaselinePublisher(kafka, serdes, settings.topics().baselines())) {
            publisher.unpin(group);
        }
        return "unpinned " + group + ": back to its first " + settings.monitor().baselineWindows() + " windows\n";
    }

    private ClusterStates running() throws MetricsUnavailable {
        if (cluster == null) {
            throw new MetricsUnavailable("the aggregator is starting", null);
        }
        return cluster;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String required(Map<String, String> query, String name) throws BadRequest {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest("missing ?" + name + "=...; e.g. " + BASELINE
                    + "?group=model|language|P1|last&from=2025-01-01T12:00:00Z&to=2025-01-01T12:05:00Z");
        }
        return value;
    }

    private static long instant(Map<String, String> query, String name) throws BadRequest {
        String value = required(query, name);
        try {
            return value.matches("\\d+") ? Long.parseLong(value) : Instant.parse(value).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRequest(name + "=" + value + " is neither epoch milliseconds nor an ISO-8601 instant"
                    + " like 2025-01-01T12:00:00Z");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
