package io.audiolens.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft Kafka cluster (combined broker and controller) running in this JVM, listening
 * on 127.0.0.1, with its data in a folder of the caller's choosing.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** {@link #start(Path, int)} on a free port. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, LoopbackPorts.ANY);
    }

    /**
     * Starts the node with clients on {@code port} (0: a free one) and returns once it accepts requests.
     * An empty or absent {@code dataDir} is formatted as a new cluster; one that holds a cluster already is
     * resumed with its topics, offsets and transactions.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        int brokerPort = port == LoopbackPorts.ANY ? LoopbackPorts.pickFree() : port;
        KafkaConfig config = new KafkaConfig(
                KafkaBrokerConfig.singleNode(brokerPort, LoopbackPorts.pickFree(), logDir(dataDir)), false);
        if (!isFormatted(dataDir)) {
            format(config, dataDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, LoopbackPorts.HOST + ":" + brokerPort);
        try {
            server.startup();
            broker.awaitServingClients();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops broker and controller and waits until their threads have ended. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** The topics' logs and the cluster metadata log. */
    private static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** Formatting writes meta.properties, with the cluster id, into the log folder. */
    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(logDir(dataDir).resolve("meta.properties"));
    }

    private static void format(KafkaConfig config, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setDirectories(config.logDirs())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: " + e.getMessage()
                    + "; the folder must be empty or absent", e);
        }
    }

    private void awaitServingClients() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Polling.awaitUntil(() -> hasUnfencedBroker(admin), READY_TIMEOUT, Duration.ofMillis(50),
                    "the embedded Kafka broker on " + bootstrapServers + " to register with its controller");
        }
    }

    private static boolean hasUnfencedBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
