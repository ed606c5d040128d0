package io.audiolens.app.bench;

import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Milliseconds from a projection's produce time to the first committed score snapshot that counts it, with the
 * aggregator running: projections of fresh groups go out at a steady rate, and a read_committed consumer of
 * the scores topic notes when each group's count first reaches each projection's place in that group (a
 * group's projections share a key, so the aggregator counts them in the order they were sent).
 */
final class LatencyRun {

    /** p50 and p99 over every projection sent, in milliseconds. */
    record Latency(int projections, double perSecond, double p50Ms, double p99Ms, double maxMs) {}

    private LatencyRun() {
    }

    static Latency measure(EmbeddedPlatform platform, String projectionsTopic, String scoresTopic,
            List<LayerProjection> projections, double perSecond) {
        Map<String, List<Long>> sentAt = new HashMap<>(); // group key → produce time of its 1st, 2nd, ... projection
        Map<String, Integer> firstUncounted = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (Serde<ScoreSnapshot> scores = Topics.SCORE_METRICS.valueSerde(platform.serdeConfig());
                KafkaConsumer<String, ScoreSnapshot> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), scores.deserializer());
                Serde<LayerProjection> values = Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaProducer<String, LayerProjection> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), values.serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(scoresTopic).stream()
                    .map(info -> new TopicPartition(scoresTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before anything is sent
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < projections.size(); i++) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    LayerProjection p = projections.get(i);
                    String key = GroupKey.of(p).asKey();
                    long now = System.currentTimeMillis();
                    synchronized (sentAt) {
                        sentAt.computeIfAbsent(key, k -> new ArrayList<>()).add(now);
                    }
                    producer.send(new ProducerRecord<>(projectionsTopic, null, now, key, p));
                }
                producer.flush();
                sending.set(false);
            }, "bench-latency-sender");
            sender.start();
            Polling.awaitUntil(() -> {
                for (ConsumerRecord<String, ScoreSnapshot> record : consumer.poll(Duration.ofMillis(20))) {
                    long seen = System.currentTimeMillis();
                    ScoreSnapshot s = record.value();
                    long counted = s.getSamples() + s.getUnlabelled().getSamples() + s.getDuplicates();
                    synchronized (sentAt) {
                        List<Long> times = sentAt.getOrDefault(record.key(), List.of());
                        int next = firstUncounted.getOrDefault(record.key(), 0);
                        for (; next < Math.min(counted, times.size()); next++) {
                            latencies.add(seen - times.get(next));
                        }
                        firstUncounted.put(record.key(), next);
                    }
                }
                return !sending.get() && latencies.size() >= projections.size();
            }, Duration.ofMinutes(5), Duration.ZERO, "score snapshots counting all " + projections.size()
                    + " projections of the latency run");
            return new Latency(projections.size(), perSecond, percentile(latencies, 50), percentile(latencies, 99),
                    percentile(latencies, 100));
        }
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Projections of fresh groups, each once: a duplicate would be counted later than its place suggests. */
    static List<LayerProjection> distinct(List<LayerProjection> projections) {
        return projections.stream().distinct().toList();
    }
}
