package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.topics.TopicSpec;
import io.audiolens.schemas.topics.Topics;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopped and started again on its folder and ports, the platform serves what it served before. */
class EmbeddedPlatformRestartTest {

    private static final String TOPIC = "test.restart";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String GROUP = "restart-readers";

    @TempDir
    Path runFolder;

    @Test
    void shouldKeepTopicsOffsetsTransactionsAndSchemaIdsAcrossARestart() throws Exception {
        AudioSample first = TestRecords.sample("restart-1");
        AudioSample second = TestRecords.sample("restart-2");
        String bootstrapServers;
        String registryUrl;
        String clusterId;
        byte[] firstBytes;
        long committedOffset;
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(runFolder)) {
            bootstrapServers = platform.bootstrapServers();
            registryUrl = platform.registryUrl();
            clusterId = clusterId(platform);
            platform.createTopics(List.of(TopicSpec.keptForever(TOPIC, 1)));
            sendCommittedAbortedCommitted(platform, first, second);
            List<ConsumerRecord<String, byte[]>> committed = readCommitted(platform);
            firstBytes = committed.get(0).value();
            committedOffset = commitOffsetAfter(platform, committed.get(0));
        }

        try (EmbeddedPlatform platform = EmbeddedPlatform.start(runFolder, port(bootstrapServers), port(registryUrl))) {
            assertEquals(bootstrapServers, platform.bootstrapServers());
            assertEquals(registryUrl, platform.registryUrl());
            assertEquals(clusterId, clusterId(platform), "the same cluster, not a newly formatted one");
            assertEquals(committedOffset, committedOffset(platform), "the group's committed offset");
            List<ConsumerRecord<String, byte[]>> committed = readCommitted(platform);
            assertEquals(List.of("restart-1", "restart-2"), committed.stream().map(ConsumerRecord::key).toList(),
                    "committed records only, the aborted one left out");
            assertArrayEquals(firstBytes, committed.get(0).value());
            try (Serde<AudioSample> serde = Topics.SAMPLES.valueSerde(platform.serdeConfig())) {
                assertEquals(first, serde.deserializer().deserialize(TOPIC, firstBytes), "the old schema id resolves");
                byte[] again = serde.serializer().serialize(TOPIC, first);
                assertEquals(schemaId(firstBytes), schemaId(again), "the schema keeps its id");
                assertArrayEquals(firstBytes, again);
            }
        }
    }

    private static void sendCommittedAbortedCommitted(EmbeddedPlatform platform, AudioSample first, AudioSample second) {
        Map<String, Object> config = TestClients.producerConfig(platform);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "restart-test");
        try (Serde<AudioSample> values = Topics.SAMPLES.valueSerde(platform.serdeConfig());
                KafkaProducer<String, AudioSample> producer =
                        new KafkaProducer<>(config, new StringSerializer(), values.serializer())) {
            producer.initTransactions();
            sendInTransaction(producer, first);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "restart-aborted", TestRecords.sample("restart-aborted")));
            producer.flush();
            producer.abortTransaction();
            sendInTransaction(producer, second);
        }
    }

    private static void sendInTransaction(KafkaProducer<String, AudioSample> producer, AudioSample sample) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, sample.getSampleId(), sample));
        producer.commitTransaction();
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(EmbeddedPlatform platform) {
        return TestClients.readUntil(TestClients.consumerConfig(platform, "read_committed"), TOPIC,
                new StringDeserializer(), new ByteArrayDeserializer(), r -> r.key().equals("restart-2"));
    }

    private static long commitOffsetAfter(EmbeddedPlatform platform, ConsumerRecord<String, byte[]> record) {
        try (KafkaConsumer<String, byte[]> consumer = groupConsumer(platform)) {
            long offset = record.offset() + 1;
            consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(offset)));
            return offset;
        }
    }

    private static long committedOffset(EmbeddedPlatform platform) {
        try (KafkaConsumer<String, byte[]> consumer = groupConsumer(platform)) {
            OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
            assertTrue(committed != null, "group " + GROUP + " has no committed offset after the restart");
            return committed.offset();
        }
    }

    private static KafkaConsumer<String, byte[]> groupConsumer(EmbeddedPlatform platform) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String clusterId(EmbeddedPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    /** Confluent wire format: magic byte 0, then the 4-byte schema id. */
    private static int schemaId(byte[] value) {
        return ByteBuffer.wrap(Arrays.copyOfRange(value, 1, 5)).getInt();
    }

    private static int port(String address) {
        return URI.create(address.contains("://") ? address : "kafka://" + address).getPort();
    }
}
