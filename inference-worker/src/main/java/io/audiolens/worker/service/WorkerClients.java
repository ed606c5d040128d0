package io.audiolens.worker.service;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The worker's Kafka clients. Values travel as bytes and are (de)serialized by the worker itself, so a
 * corrupt record becomes a dead letter instead of a poll() that throws forever.
 */
final class WorkerClients {
    /** A clip on a 7B model on CPU may take minutes: give the loop room before the group evicts it. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(30);
    /** One poll's records commit in one transaction; 15 min is the brokers' default transaction.max.timeout.ms. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private WorkerClients() {}

    static KafkaConsumer<String, byte[]> consumer(WorkerSettings s) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, s.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, "audiolens-worker-" + s.workerId(),
                // static membership: a restarted worker takes its partitions back at once instead of
                // waiting out the dead instance's session
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "audiolens-worker-" + s.workerId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    static KafkaProducer<String, byte[]> transactionalProducer(WorkerSettings s) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, s.transactionalId(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
