package io.audiolens.aggregator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.metrics.MetricsDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics.json}: the whole metrics document, gathered from every instance of the app (any
 * instance answers for all). {@code GET /local/states}: this instance's counts, for its peers.
 * 503 with a reason while the app starts or rebalances or a peer is unreachable.
 */
public final class MetricsHttpServer implements AutoCloseable {

    public static final String METRICS = "/metrics.json";
    static final String LOCAL_STATES = "/local/states";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final HttpServer server;
    // several threads: two instances answering /metrics.json call each other's /local/states at once
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private volatile ClusterStates cluster;
    private volatile AggregationParameters parameters;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (port 0: any free port) and starts answering 503 until {@link #serve}. */
    public static MetricsHttpServer bind(String host, int port) {
        try {
            MetricsHttpServer metrics = new MetricsHttpServer(HttpServer.create(new InetSocketAddress(host, port), 0));
            metrics.server.createContext(METRICS, metrics::metrics);
            metrics.server.createContext(LOCAL_STATES, metrics::localStates);
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

    /** Starts serving the app's metrics; {@code self} is how its peers reach this server. */
    public void serve(KafkaStreams streams, HostInfo self, AggregationParameters aggregation) {
        this.parameters = aggregation;
        this.cluster = new ClusterStates(streams, self);
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, () -> MetricsDocument.from(cluster().all(), parameters).toJson());
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

    private interface Body {
        byte[] get() throws MetricsUnavailable;
    }

    private static void respond(HttpExchange exchange, Body body) throws IOException {
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

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
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
