package io.audiolens.embedded;

import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry sharing one run folder: {@code kafka/} holds the broker's data,
 * {@code registry/} the registry's database and {@code schema-registry.log} its output. Started again on
 * the same folder, the platform resumes: the same topics, offsets, committed transactions and schemas
 * under the same ids.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final short SINGLE_REPLICA = 1;
    private static final Duration TOPIC_CREATION_TIMEOUT = Duration.ofSeconds(30);

    private final Path runFolder;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedPlatform(Path runFolder, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.runFolder = runFolder;
        this.broker = broker;
        this.registry = registry;
    }

    /** {@link #start(Path, int, int)} on free ports. */
    public static EmbeddedPlatform start(Path runFolder) {
        return start(runFolder, LoopbackPorts.ANY, LoopbackPorts.ANY);
    }

    /**
     * Starts both, Kafka's clients on {@code kafkaPort} and the registry on {@code registryPort} (0: a free
     * port), the registry's child process overlapping the broker's start, and waits until both serve.
     */
    public static EmbeddedPlatform start(Path runFolder, int kafkaPort, int registryPort) {
        long started = System.nanoTime();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.launch(RegistryDistribution.locateRunner(), runFolder,
                registryPort);
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(kafkaFolder(runFolder), kafkaPort);
            LOG.info("Kafka broker serving on {} after {} ms", broker.bootstrapServers(), millisSince(started));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        try {
            registry.awaitReady();
            LOG.info("schema registry serving on {} after {} ms; run folder {}", registry.baseUrl(),
                    millisSince(started), runFolder);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new EmbeddedPlatform(runFolder, broker, registry);
    }

    /** Whether {@code runFolder} holds the cluster of an earlier start, which {@link #start} would resume. */
    public static boolean holdsData(Path runFolder) {
        return EmbeddedKafkaBroker.isFormatted(kafkaFolder(runFolder));
    }

    private static Path kafkaFolder(Path runFolder) {
        return runFolder.resolve("kafka");
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The broker as AudioLens's clients take a cluster: its PLAINTEXT listener, no client settings. */
    public KafkaCluster kafkaCluster() {
        return KafkaCluster.at(bootstrapServers());
    }

    /** The registry's base URL, {@code http://127.0.0.1:PORT}. */
    public String registryUrl() {
        return registry.baseUrl();
    }

    /** The Confluent-compatible API of the registry, {@code .../apis/ccompat/v7}. */
    public String confluentCompatUrl() {
        return registry.confluentCompatUrl();
    }

    /** What the AudioLens serdes need to reach this platform's registry. */
    public SerdeConfig serdeConfig() {
        return SerdeConfig.forRegistry(registry.apicurioApiUrl());
    }

    public Path runFolder() {
        return runFolder;
    }

    /** Throws, quoting the end of its log, if the registry's process has exited. */
    public void requireRunning() {
        registry.requireAlive();
    }

    /** Creates the topics that do not exist yet, with one replica each. */
    public void createTopics(Collection<TopicSpec> specs) {
        try (Admin admin = kafkaCluster().createAdmin()) {
            TopicCreator.createMissing(admin, specs, SINGLE_REPLICA, TOPIC_CREATION_TIMEOUT);
        }
    }

    /** Stops the registry, then the broker; the run folder stays for inspection. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
