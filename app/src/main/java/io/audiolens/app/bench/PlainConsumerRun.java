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

    private PlainConsumerRun() {
    }

    /**
     * Records per second after the first fifth ({@link #warmUp}), and the reading thread's CPU microseconds per
     * record over the same records (polling and decoding).
     */
    record Rate(double recordsPerSecond, double cpuMicrosPerRecord) {}

    /** Records read before the clock starts: connecting, the first fetches and compiling the decoder are not timed. */
    static long warmUp(long records) {
        return records / 5;
    }

    static Rate measure(EmbeddedPlatform platform, String topic, int records) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Serde<LayerProjection> values = Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaConsumer<String, LayerProjection> consumer =
                        new KafkaConsumer<>(config, new StringDeserializer(), values.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long[] read = {0};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuAtStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Polling.awaitUntil(() -> (read[0] += consumer.poll(Duration.ofMillis(100)).count()) >= warmUp(records),
                    Duration.ofMinutes(10), Duration.ZERO, "a plain consumer to read " + records + " projections");
            boolean warm = read[0] < records; // a few hundred records may come in one poll: then time them all
            long before = warm ? read[0] : 0;
            long cpu = warm ? threads.getCurrentThreadCpuTime() : cpuAtStart;
            long started = warm ? System.nanoTime() : start;
            Polling.awaitUntil(() -> (read[0] += consumer.poll(Duration.ofMillis(100)).count()) >= records,
                    Duration.ofMinutes(10), Duration.ZERO, "a plain consumer to read " + records + " projections");
            double seconds = (System.nanoTime() - started) / 1e9;
            long timed = read[0] - before;
            return new Rate(timed / seconds, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / timed);
        }
    }
}
