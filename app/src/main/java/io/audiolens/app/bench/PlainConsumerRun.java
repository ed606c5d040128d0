package io.audiolens.app.bench;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The baseline: one consumer reading and decoding every projection, nothing else. */
final class PlainConsumerRun {

    /** How the consumer decodes: with Avro's own reader (as a client of another make does), or as the aggregator. */
    enum Decoding {
        AVRO, AUDIOLENS
    }

    private PlainConsumerRun() {
    }

    /** The plain consumer's timing; CPU is the reading thread's (polling and decoding). */
    static ReaderTiming measure(EmbeddedPlatform platform, String topic, int records, Decoding decoding) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-consumer-" + decoding.name().toLowerCase(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Serde<LayerProjection> values = decoding == Decoding.AVRO
                        ? Topics.PROJECTIONS.avroValueSerde(platform.serdeConfig())
                        : Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaConsumer<String, LayerProjection> consumer =
                        new KafkaConsumer<>(config, new StringDeserializer(), values.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long[] read = {0};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ReaderTiming.Reading start = new ReaderTiming.Reading(0, System.nanoTime(),
                    threads.getCurrentThreadCpuTime());
            Polling.awaitUntil(() -> (read[0] += consumer.poll(Duration.ofMillis(100)).count())
                    >= ReaderTiming.warmUp(records), Duration.ofMinutes(10), Duration.ZERO,
                    "a plain consumer to read " + records + " projections");
            ReaderTiming.Reading warm = new ReaderTiming.Reading(read[0], System.nanoTime(),
                    threads.getCurrentThreadCpuTime());
            Polling.awaitUntil(() -> (read[0] += consumer.poll(Duration.ofMillis(100)).count()) >= records,
                    Duration.ofMinutes(10), Duration.ZERO, "a plain consumer to read " + records + " projections");
            return ReaderTiming.of(start, warm, new ReaderTiming.Reading(read[0], System.nanoTime(),
                    threads.getCurrentThreadCpuTime()));
        }
    }
}
