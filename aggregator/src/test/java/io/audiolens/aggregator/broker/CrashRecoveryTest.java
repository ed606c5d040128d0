package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.synthetic.SyntheticProjections;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An aggregator JVM killed mid-stream (no shutdown at all) and restarted on its state dir ends like a clean run. */
@ExtendWith(EmbeddedPlatformExtension.class)
class CrashRecoveryTest {

    private static final int PROBE_SIZE = 10;

    @TempDir
    Path folder;

    @Test
    void shouldEndWithTheMetricsOfACleanRunAfterBeingKilledMidStream(EmbeddedPlatform platform) throws Exception {
        AggregatorSettings settings = BrokerRuns.settings("crash.", PROBE_SIZE);
        BrokerRuns.createTopics(platform, settings, 2);
        List<LayerProjection> projections = SyntheticProjections.generate("m-crash",
                List.of(Attribute.GENDER, Attribute.EMOTION, Attribute.ANIMAL), 120, 8, 11);
        String expected = BrokerRuns.expectedMetrics(projections, settings.parameters());
        int twoThirds = projections.size() * 2 / 3;
        BrokerRuns.send(platform, settings.topics().projections(), projections.subList(0, twoThirds));
        Path stateDir = folder.resolve("state");

        long total = countedSoFar(expected);
        long[] countedAtKill = {0};
        Process first = startChild(platform, stateDir, "first");
        try {
            int port = awaitPort(first, "first");
            Polling.awaitUntil(() -> (countedAtKill[0] = countedSoFar(BrokerRuns.metrics(port))) > total / 3,
                    BrokerRuns.TIMEOUT, Duration.ofMillis(10), "the first aggregator to count a third of the projections");
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertTrue(countedAtKill[0] < total, "killed after " + countedAtKill[0] + " of " + total + " counted");
        BrokerRuns.send(platform, settings.topics().projections(), projections.subList(twoThirds, projections.size()));
        String atKill = "restarted after a kill at " + countedAtKill[0] + " of " + total + " counted";
        System.out.println(atKill);

        Process second = startChild(platform, stateDir, "second");
        try {
            int port = awaitPort(second, "second");
            assertEquals(expected, BrokerRuns.awaitMetrics(port, expected), atKill);
            // the endpoint reads local state, which runs ahead of the open transaction: count the requests
            // only once the input offsets are committed, i.e. once everything they caused is committed too
            awaitCommittedToEnd(platform, AggregatorChild.APPLICATION_ID, settings.topics().projections());
        } finally {
            second.destroyForcibly().waitFor();
        }
        JsonNode metrics = new ObjectMapper().readTree(expected);
        List<String> requested = new ArrayList<>();
        for (JsonNode entry : metrics.get("enrichment")) {
            if (entry.get("notRequestedBecause").isNull()) {
                requested.add(String.join("|", entry.get("model").asText(), entry.get("attribute").asText(),
                        entry.get("prompt").asText()));
            }
        }
        assertTrue(!requested.isEmpty(), "the data must make some requests");
        assertEquals(requested.stream().sorted().toList(),
                committedKeys(platform, settings.topics().requests()).stream().sorted().toList(),
                "one enrichment request per view LAST group, however often the aggregator died; " + atKill);
    }

    private Process startChild(EmbeddedPlatform platform, Path stateDir, String name) throws IOException {
        Path portFile = folder.resolve(name + ".port");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AggregatorChild.class.getName(), platform.bootstrapServers(), platform.registryUrl(),
                stateDir.toString(), "crash.", Integer.toString(PROBE_SIZE), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .start();
    }

    private int awaitPort(Process child, String name) {
        Path portFile = folder.resolve(name + ".port");
        Polling.awaitUntil(() -> Files.exists(portFile) || !child.isAlive(), BrokerRuns.TIMEOUT, Duration.ofMillis(50),
                "the " + name + " aggregator's HTTP port");
        try {
            assertTrue(child.isAlive(), () -> "the " + name + " aggregator died: " + log(name));
            return Integer.parseInt(Files.readString(portFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String log(String name) {
        try {
            return Files.readString(folder.resolve(name + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Labelled and unlabelled samples and duplicates counted so far; 0 while nothing is served. */
    private static long countedSoFar(String metricsJson) {
        if (metricsJson == null) {
            return 0;
        }
        try {
            long counted = 0;
            for (JsonNode group : new ObjectMapper().readTree(metricsJson).get("groups")) {
                counted += group.get("samples").asLong() + group.get("unlabelled").get("samples").asLong();
            }
            return counted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code group} has committed offsets at the end of every partition of {@code topic}. */
    private static void awaitCommittedToEnd(EmbeddedPlatform platform, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Polling.awaitUntil(() -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue().offset());
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }, BrokerRuns.TIMEOUT, Duration.ofMillis(50), group + "'s committed offsets at the end of " + topic);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the committed records {@code topic} holds, read to its end. */
    private static List<String> committedKeys(EmbeddedPlatform platform, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "count-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            Polling.awaitUntil(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    keys.add(record.key());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            }, BrokerRuns.TIMEOUT, Duration.ZERO, "the end of " + topic);
            return keys;
        }
    }
}
