package io.audiolens.aggregator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.telemetry.OperatorEndpoints;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's endpoint. {@code GET /metrics.json}: the whole metrics document, gathered from every
 * instance of the app (any instance answers for all); {@code GET /local/states}: this instance's counts,
 * for its peers. {@code GET /monitor.json} and {@code /local/monitor} likewise for the monitor, and
 * {@code POST|DELETE /monitor/baseline} pins or unpins a baseline. {@code GET /}: the live dashboard.
 * {@code /metrics}, {@code /healthz}, {@code /readyz}: Prometheus and health. 503 with a reason while the
 * app starts or rebalances or a peer is unreachable.
 */
public final class MetricsHttpServer implements AutoCloseable {

    public static final String METRICS = "/metrics.json";
    static final String LOCAL_STATES = "/local/states";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    /**
     * What the endpoint serves once the app is built.
     *
     * @param failure why a stream thread failed, once one has (for {@code /healthz})
     */
    public record Serving(KafkaStreams streams, HostInfo self, AggregatorSettings settings, KafkaCluster kafka,
            SerdeConfig serdes, PrometheusMeterRegistry registry, Supplier<Optional<String>> failure) {}

    private final HttpServer server;
    // several threads: two instances answering /metrics.json call each other's /local/states at once
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private volatile ClusterStates cluster;
    private volatile AggregatorSettings settings;
    private volatile MonitorEndpoint monitor;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (port 0: any free port) and starts answering 503 until {@link #serve}. */
    public static MetricsHttpServer bind(String host, int port) {
        try {
            MetricsHttpServer metrics = new MetricsHttpServer(HttpServer.create(new InetSocketAddress(host, port), 0));
            metrics.server.createContext(METRICS, metrics::metrics);
            metrics.server.createContext(LOCAL_STATES, metrics::localStates);
            metrics.server.createContext(MonitorEndpoint.MONITOR, exchange -> metrics.monitor().document(exchange));
            metrics.server.createContext(MonitorEndpoint.LOCAL_MONITOR, exchange -> metrics.monitor().local(exchange));
            metrics.server.createContext(MonitorEndpoint.BASELINE, exchange -> metrics.monitor().baseline(exchange));
            metrics.server.createContext(DashboardAssets.PAGE, MetricsHttpServer::dashboard);
            metrics.server.setExecutor(metrics.threads);
            metrics.server.start();
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port
                    + "; choose another --http-port", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts serving the app; {@code serving.self()} is how its peers reach this server. */
    public void serve(Serving serving) {
        this.settings = serving.settings();
        this.cluster = new ClusterStates(serving.streams(), serving.self(), serving.settings(), new PinnedBaselines(
                Topics.MONITOR_BASELINES.valueSerde(serving.serdes()).deserializer(), serving.settings().topics().baselines()));
        this.monitor = new MonitorEndpoint(cluster, serving.settings(), serving.kafka(), serving.serdes());
        OperatorEndpoints.install(server, serving.registry(), new StreamsHealth(serving.streams(), serving.failure()));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, () -> MetricsDocument.from(cluster().all(), settings.parameters()).toJson());
    }

    private void localStates(HttpExchange exchange) throws IOException {
        respond(exchange, () -> StatesJson.write(cluster().local()));
    }

    private ClusterStates cluster() throws MetricsUnavailable {
        ClusterStates current = cluster;
        if (current == null) {
            throw new MetricsUnavailable("the aggregator is starting", null);
        }
        return current;
    }

    private MonitorEndpoint monitor() {
        MonitorEndpoint current = monitor;
        return current != null ? current : MonitorEndpoint.STARTING;
    }

    private static void dashboard(HttpExchange exchange) throws IOException {
        try (exchange) {
            var asset = DashboardAssets.at(exchange.getRequestURI().getPath());
            if (asset.isEmpty()) {
                send(exchange, 404, "text/plain", ("no " + exchange.getRequestURI().getPath()
                        + "; the dashboard is at /").getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, asset.get().type(), asset.get().bytes());
            }
        }
    }

    interface Body {
        byte[] get() throws MetricsUnavailable;
    }

    /** GET only; 200 with the JSON body, 503 with the reason while unavailable, 500 on a bug. */
    static void respond(HttpExchange exchange, Body body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                send(exchange, 200, "application/json", body.get());
            } catch (MetricsUnavailable e) {
                send(exchange, 503, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.error("serving {} failed", exchange.getRequestURI(), e);
                send(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
