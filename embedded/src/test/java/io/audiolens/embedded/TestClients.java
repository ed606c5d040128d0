package io.audiolens.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;

/** Client configs and a deadline-bound read for tests against the embedded broker. */
final class TestClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestClients() {
    }

    static Map<String, Object> producerConfig(EmbeddedPlatform platform) {
        return new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    static Map<String, Object> consumerConfig(EmbeddedPlatform platform, String isolationLevel) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    }

    /**
     * Reads {@code topic} from the beginning until a record matches {@code last}; returns every record
     * read up to and including it.
     */
    static <V> List<ConsumerRecord<String, V>> readUntil(Map<String, Object> consumerConfig, String topic,
            Deserializer<String> keys, Deserializer<V> values, Predicate<ConsumerRecord<String, V>> last) {
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig, keys, values)) {
            consumer.subscribe(List.of(topic));
            Polling.awaitUntil(() -> {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record);
                    if (last.test(record)) {
                        return true;
                    }
                }
                return false;
            }, TIMEOUT, Duration.ZERO, "the expected record on " + topic);
        }
        return read;
    }
}
