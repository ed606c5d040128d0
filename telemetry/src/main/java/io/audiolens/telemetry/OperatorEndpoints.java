package io.audiolens.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text exposition 0.0.4), {@code GET /healthz} and {@code GET /readyz}
 * (200 or 503, with the reason as text) on any {@link HttpServer}.
 */
public final class OperatorEndpoints {

    public static final String METRICS = "/metrics";
    public static final String HEALTHZ = "/healthz";
    public static final String READYZ = "/readyz";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private OperatorEndpoints() {
    }

    public static void install(HttpServer server, PrometheusMeterRegistry registry, Health health) {
        // exact paths: /metrics must not also answer /metrics.json, which the aggregator serves itself
        server.createContext(METRICS, exchange -> exactly(exchange, METRICS,
                () -> new Reply(200, PROMETHEUS_TEXT, registry.scrape())));
        server.createContext(HEALTHZ, exchange -> exactly(exchange, HEALTHZ, () -> status(health.liveness())));
        server.createContext(READYZ, exchange -> exactly(exchange, READYZ, () -> status(health.readiness())));
    }

    private record Reply(int status, String type, String body) {}

    private static Reply status(Health.Status status) {
        return new Reply(status.ok() ? 200 : 503, "text/plain; charset=utf-8",
                (status.ok() ? "ok: " : "failing: ") + status.detail() + "\n");
    }

    private static void exactly(HttpExchange exchange, String path, Supplier<Reply> reply) throws IOException {
        try (exchange) {
            Reply answer;
            if (!path.equals(exchange.getRequestURI().getPath())) {
                answer = new Reply(404, "text/plain; charset=utf-8", "no " + exchange.getRequestURI().getPath() + "\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                answer = new Reply(405, "text/plain; charset=utf-8", "only GET\n");
            } else {
                answer = reply.get();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
