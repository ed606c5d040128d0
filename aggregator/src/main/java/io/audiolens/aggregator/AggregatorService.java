package io.audiolens.aggregator;

import io.audiolens.aggregator.http.MetricsHttpServer;
import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.topology.ValueSerdes;
import io.audiolens.aggregator.topology.WindowsChangelog;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import io.audiolens.telemetry.OperatorRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running aggregator: the Streams app and, optionally, its HTTP endpoint (metrics, monitor, dashboard,
 * Prometheus and health).
 */
public final class AggregatorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorService.class);
    /** The producer's timers of what a stream thread waits for when it commits (see {@link #commitWaitNanos}). */
    private static final Set<String> COMMIT_WAITS = Set.of("flush-time-ns-total", "txn-send-offsets-time-ns-total",
            "txn-commit-time-ns-total");

    /**
     * How to run one instance.
     *
     * @param httpHost the address the endpoint binds to and peers reach it at (default 127.0.0.1)
     * @param httpPort the endpoint's port, 0 for any free one, negative for no endpoint
     * @param streamsOverrides extra Kafka Streams properties, applied last
     */
    public record Options(String applicationId, KafkaCluster cluster, SerdeConfig serdes, Path stateDir,
            String httpHost, int httpPort, AggregatorSettings settings, Map<String, Object> streamsOverrides) {

        public Options {
            streamsOverrides = Map.copyOf(streamsOverrides);
        }
    }

    private final KafkaStreams streams;
    private final MetricsHttpServer http;
    private final CountDownLatch stopped;
    private final KafkaStreamsMetrics streamsMetrics;
    private final AtomicReference<Throwable> failure;

    private AggregatorService(KafkaStreams streams, MetricsHttpServer http, CountDownLatch stopped,
            KafkaStreamsMetrics streamsMetrics, AtomicReference<Throwable> failure) {
        this.streams = streams;
        this.http = http;
        this.stopped = stopped;
        this.streamsMetrics = streamsMetrics;
        this.failure = failure;
    }

    public static AggregatorService start(Options options) {
        MetricsHttpServer http = options.httpPort() < 0 ? null : MetricsHttpServer.bind(options.httpHost(), options.httpPort());
        HostInfo self = http == null ? null : new HostInfo(options.httpHost(), http.port());
        Properties config = AggregatorApp.config(options.applicationId(), options.cluster(),
                options.stateDir(), self == null ? null : self.host() + ":" + self.port());
        config.putAll(options.streamsOverrides());
        PrometheusMeterRegistry registry = OperatorRegistry.create("aggregator");
        KafkaStreams streams = new KafkaStreams(AggregatorApp.buildTopology(options.settings(),
                ValueSerdes.registry(options.serdes(), options.settings().registryPatience()), new AggregatorMeters(registry)),
                config);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            LOG.error("aggregator stream thread failed, shutting this instance down: {}", why(e), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        if (http != null) {
            http.serve(new MetricsHttpServer.Serving(streams, self, options.settings(), options.cluster(),
                    options.serdes(), registry, () -> Optional.ofNullable(failure.get()).map(AggregatorService::why)));
            LOG.info("dashboard on http://{}:{}/ (also {}, /monitor.json, /metrics, /healthz, /readyz)", self.host(),
                    self.port(), MetricsHttpServer.METRICS);
        }
        try (Admin admin = options.cluster().createAdmin()) {
            WindowsChangelog.upgrade(admin, options.applicationId(), options.settings().monitor());
        }
        streams.start();
        return new AggregatorService(streams, http, stopped, streamsMetrics, failure);
    }

    /** What stopped a stream thread: a registry that did not answer says so itself; else the error and its root. */
    private static String why(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnavailableException registry) {
                return registry.getMessage();
            }
            root = t;
        }
        return root == e ? e.toString() : e + " (caused by " + root + ")";
    }

    /** Why the app failed, in words, once a stream thread has failed. */
    public Optional<String> failureReason() {
        return failure().map(AggregatorService::why);
    }

    /** The endpoint's port; -1 without one. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /**
     * Nanoseconds the stream threads have waited so far for their commits, summed over the threads: their producers
     * flushing, sending the consumed offsets and committing each transaction ({@code flush-time-ns-total},
     * {@code txn-send-offsets-time-ns-total}, {@code txn-commit-time-ns-total}; only a stream thread calls these).
     */
    public double commitWaitNanos() {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("producer-metrics")
                        && COMMIT_WAITS.contains(metric.getKey().name()))
                .mapToDouble(metric -> metric.getValue().metricValue() instanceof Number number
                        ? number.doubleValue() : 0).sum();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the app has stopped (closed, or failed); returns how it ended. */
    public KafkaStreams.State awaitStopped() throws InterruptedException {
        stopped.await();
        return streams.state();
    }

    /** What made a stream thread fail and the app stop in ERROR, if anything did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        try {
            streams.close(Duration.ofSeconds(30));
        } finally {
            streamsMetrics.close();
            if (http != null) {
                http.close();
            }
        }
    }
}
