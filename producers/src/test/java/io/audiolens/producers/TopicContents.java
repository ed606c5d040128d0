package io.audiolens.producers;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;

/** Reads a topic of the embedded platform from its beginning to its end as of the call, with a deadline. */
final class TopicContents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicContents() {
    }

    /** Every record whose key starts with {@code keyPrefix}, in partition order. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(EmbeddedPlatform platform, Topic<V> topic,
            String keyPrefix) {
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (Serde<V> values = topic.valueSerde(platform.serdeConfig());
                KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                        topic.keySerde().deserializer(), values.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Polling.awaitUntil(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(read::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            }, TIMEOUT, Duration.ZERO, "the end of " + topic.name());
        }
        return read.stream().filter(record -> record.key().startsWith(keyPrefix)).toList();
    }

    /** Waits until {@link #read} finds exactly {@code count} records, then returns them. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> awaitCount(EmbeddedPlatform platform,
            Topic<V> topic, String keyPrefix, int count) {
        Polling.awaitUntil(() -> read(platform, topic, keyPrefix).size() >= count, TIMEOUT, Duration.ofMillis(100),
                count + " records under " + keyPrefix + " on " + topic.name());
        return read(platform, topic, keyPrefix);
    }
}
