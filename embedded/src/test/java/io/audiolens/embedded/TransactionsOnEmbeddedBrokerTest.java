package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.topics.TopicSpec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPlatformExtension.class)
class TransactionsOnEmbeddedBrokerTest {

    private static final String TOPIC = "test.transactions";

    @Test
    void shouldShowReadCommittedConsumersOnlyCommittedRecords(EmbeddedPlatform platform) {
        platform.createTopics(List.of(TopicSpec.keptForever(TOPIC, 1)));
        Map<String, Object> config = TestClients.producerConfig(platform);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-transactions");

        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            sendInTransaction(producer, "committed-first");
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            sendInTransaction(producer, "committed-last");
        }

        assertEquals(List.of("committed-first", "committed-last"), valuesUpToLast("read_committed", platform));
        assertEquals(List.of("committed-first", "aborted", "committed-last"),
                valuesUpToLast("read_uncommitted", platform));
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "k", value));
        producer.commitTransaction();
    }

    private static List<String> valuesUpToLast(String isolationLevel, EmbeddedPlatform platform) {
        return TestClients.readUntil(TestClients.consumerConfig(platform, isolationLevel), TOPIC,
                        new StringDeserializer(), new StringDeserializer(), r -> r.value().equals("committed-last"))
                .stream().map(ConsumerRecord::value).toList();
    }
}
