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
 * A Kafka broker and a schema registry for one run, sharing one run folder: {@code kafka/} holds the
 * broker's data, {@code schema-registry.log} the registry's output.
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

    /** Starts both, the registry's child process overlapping the broker's start, and waits until both serve. */
    public static EmbeddedPlatform start(Path runFolder) {
        long started = System.nanoTime();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.launch(RegistryDistribution.locateRunner(), runFolder);
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(runFolder.resolve("kafka"));
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
