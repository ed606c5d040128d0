package io.audiolens.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A process's own small HTTP server with only the {@link OperatorEndpoints} (the worker's). */
public final class OperatorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private OperatorServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (0: any free port) and serves; {@code option} names the flag that sets the port. */
    public static OperatorServer start(String host, int port, String option, PrometheusMeterRegistry registry,
            Health health) {
        try {
            OperatorServer operator = new OperatorServer(HttpServer.create(new InetSocketAddress(host, port), 0));
            OperatorEndpoints.install(operator.server, registry, health);
            operator.server.setExecutor(operator.threads);
            operator.server.start();
            return operator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics and health on " + host + ":" + port
                    + " (" + e.getMessage() + "); choose another " + option + ", or -1 for none", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
