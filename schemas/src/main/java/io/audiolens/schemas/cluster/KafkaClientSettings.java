package io.audiolens.schemas.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings for every Kafka client a command creates (security, timeouts, tuning), from a user's file.
 * The file wins over AudioLens's defaults (linger, timeouts, poll sizes), but it may not set what AudioLens
 * must own: those keys, and keys that are no setting of Kafka's Java producer, consumer or admin client
 * (a typo, librdkafka's spelling, a Kafka Streams application setting), are refused, naming the key. Each
 * client gets the keys its own configuration declares, so a consumer setting draws no "unused" warning
 * from a producer.
 */
public final class KafkaClientSettings extends ClientSettings {

    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of(), "");

    /** What AudioLens sets itself, with the reason a file may not. */
    private static final Map<String, String> OWNED = owned();

    private KafkaClientSettings(Map<String, String> settings, String source) {
        super(settings, source);
    }

    /**
     * Checks every key.
     *
     * @param source what to name in messages, e.g. {@code --kafka-config /etc/audiolens/kafka.properties}
     */
    public static KafkaClientSettings of(Map<String, String> settings, String source) {
        for (String key : new TreeMap<>(settings).keySet()) {
            String reason = OWNED.get(key);
            if (reason != null) {
                throw new IllegalArgumentException(source + " sets " + key + ", which AudioLens owns: " + reason
                        + "; remove that line");
            }
            if (!ProducerConfig.configNames().contains(key) && !ConsumerConfig.configNames().contains(key)
                    && !AdminClientConfig.configNames().contains(key)) {
                throw new IllegalArgumentException(source + " sets " + key + ", which is no setting of Kafka's Java"
                        + " producer, consumer or admin client; check the spelling (librdkafka's sasl.username and"
                        + " sasl.password are sasl.jaas.config in Java) or remove that line");
            }
        }
        return new KafkaClientSettings(settings, source);
    }

    /** Reads and checks a properties file given as {@code option}, and logs what it holds. */
    public static KafkaClientSettings read(Path file, String option) {
        KafkaClientSettings settings = of(SettingsFile.read(file, option), option + " " + file.toAbsolutePath());
        settings.log("Kafka client settings");
        return settings;
    }

    Map<String, String> forProducer() {
        return declaredBy(ProducerConfig.configNames());
    }

    Map<String, String> forConsumer() {
        return declaredBy(ConsumerConfig.configNames());
    }

    Map<String, String> forAdmin() {
        return declaredBy(AdminClientConfig.configNames());
    }

    /** All of them: Kafka Streams hands each of its clients the keys that client declares. */
    Map<String, String> forStreams() {
        return settings();
    }

    private Map<String, String> declaredBy(Set<String> names) {
        return settings().entrySet().stream().filter(e -> names.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, String> owned() {
        String serdes = "keys are strings and values Avro through the schema registry";
        String exactlyOnce = "AudioLens writes exactly once (idempotent producers, acks=all, transactions)";
        String groups = "consumer groups come from --group, --worker-id and --application-id";
        return Map.ofEntries(
                Map.entry("bootstrap.servers", "give the brokers with --bootstrap-servers"),
                Map.entry("key.serializer", serdes),
                Map.entry("value.serializer", serdes),
                Map.entry("key.deserializer", serdes),
                Map.entry("value.deserializer", serdes),
                Map.entry("enable.idempotence", exactlyOnce),
                Map.entry("acks", exactlyOnce),
                Map.entry("transactional.id", "each worker's transactional id comes from --worker-id"),
                Map.entry("isolation.level", "AudioLens reads committed records only (read_committed)"),
                Map.entry("enable.auto.commit", "offsets are committed with the output, in one transaction"),
                Map.entry("auto.offset.reset", "each reader sets where it starts"),
                Map.entry("group.id", groups),
                Map.entry("group.instance.id", groups),
                Map.entry("client.id", "AudioLens names each of its clients"),
                Map.entry("partitioner.class", "the aggregator finds a group's state by Kafka's default partitioning"),
                Map.entry("partitioner.ignore.keys", "the aggregator finds a group's state by Kafka's default partitioning"),
                Map.entry("application.id", "the aggregator's id comes from --application-id"),
                Map.entry("processing.guarantee", "the aggregator always runs exactly_once_v2"));
    }
}
