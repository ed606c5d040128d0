package io.audiolens.app.aggregate;

import io.audiolens.aggregator.AggregatorApp;
import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.app.options.ClusterOptions;
import io.audiolens.app.options.MonitorOptions;
import io.audiolens.app.options.StreamThreadsOption;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiolens aggregator}: runs one aggregator instance against a Kafka cluster until stopped. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = "Run the aggregator (Kafka Streams): live metrics, Tables II/III, the enrichment loop, the"
                + " label-free monitor with drift alerts, and the live dashboard.")
public final class AggregatorCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "port of the dashboard (/), /metrics.json, /monitor.json, /metrics (Prometheus), /healthz,"
                    + " /readyz; 0 for any free port, -1 for none (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "address the endpoint binds to and other instances reach it at (default: ${DEFAULT-VALUE})")
    String httpHost;

    @Option(names = "--state-dir", defaultValue = "aggregator-state",
            description = "RocksDB state folder; keep it across restarts (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Mixin
    AggregationOptions aggregation;

    @Mixin
    MonitorOptions monitor;

    @Mixin
    StreamThreadsOption streamThreads;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", defaultValue = "" + AggregatorApp.COMMIT_INTERVAL_MS,
            description = "how often each stream thread commits its exactly-once transaction: metrics are published"
                    + " at commits, so lower means fresher snapshots and more of the thread's time spent committing"
                    + " (default: ${DEFAULT-VALUE})")
    long commitIntervalMs;

    @Option(names = "--application-id", defaultValue = AggregatorApp.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id, shared by every instance (default: ${DEFAULT-VALUE})")
    String applicationId;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "replication of the topics created when missing (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Override
    public Integer call() throws InterruptedException {
        int threads = streamThreads.value();
        if (commitIntervalMs < 1) {
            throw new IllegalArgumentException("--commit-interval-ms " + commitIntervalMs + ": give 1 or more"
                    + " milliseconds (" + AggregatorApp.COMMIT_INTERVAL_MS + " by default)");
        }
        AggregatorSettings settings = AggregatorSettings.defaults()
                .withParameters(aggregation.parameters()).withMonitor(monitor.settings());
        KafkaCluster kafka = cluster.kafka();
        SerdeConfig serdes = cluster.serdes();
        try (Admin admin = kafka.createAdmin()) {
            TopicCreator.createMissing(admin, settings.topics().specs(Topics.PROJECTIONS.spec().partitions()),
                    replicationFactor, Duration.ofSeconds(30));
        }
        AggregatorService service = AggregatorService.start(new AggregatorService.Options(applicationId,
                kafka, serdes, stateDir, httpHost, httpPort, settings, Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs)));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "aggregator-shutdown"));
        if (service.awaitStopped() == KafkaStreams.State.ERROR) {
            Throwable cause = service.failure().orElse(null);
            throw new IllegalStateException("the aggregator stopped: "
                    + service.failureReason().orElse("a stream thread failed; see the log above"), cause);
        }
        return 0;
    }
}
