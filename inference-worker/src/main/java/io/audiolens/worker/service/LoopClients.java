package io.audiolens.worker.service;

import io.audiolens.schemas.cluster.KafkaCluster;
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
 * The Kafka clients of one consume-transform-produce loop. Values travel as bytes and are (de)serialized
 * by the handler, so a corrupt record becomes a dead letter instead of a poll() that throws forever.
 * {@code memberId} is both the static group membership and the transactional id: a restarted member
 * takes its partitions back at once and fences its dead predecessor's open transaction. One poll brings
 * at most {@code maxPollRecords} records, all handled in one transaction.
 */
record LoopClients(KafkaCluster cluster, String group, String memberId, int maxPollRecords) {
    LoopClients {
        memberId = memberId.replaceAll("[^A-Za-z0-9._-]", "_"); // Kafka's rule for group instance ids
    }

    /**
     * Records per poll unless a batch needs more: one poll is one transaction, so a poll's analysis must end
     * within {@link #TRANSACTION_TIMEOUT} (a batch of 16 clips of a 7B model on a CPU may not).
     */
    static final int RECORDS_PER_POLL = 4;

    /** A clip on a 7B model on CPU may take minutes: give the loop room before the group evicts it. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(30);
    /**
     * One poll's records commit in one transaction; 15 min (the brokers' default transaction.max.timeout.ms)
     * unless {@value #TRANSACTION_TIMEOUT_PROPERTY} says otherwise. It also bounds how long an orphaned
     * transaction of a killed worker can hold back its partitions' committed offsets.
     */
    static final String TRANSACTION_TIMEOUT_PROPERTY = "audiolens.worker.transaction.timeout.ms";
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMillis(
            Long.getLong(TRANSACTION_TIMEOUT_PROPERTY, Duration.ofMinutes(15).toMillis()));

    KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(cluster.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, memberId,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis())),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    KafkaProducer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(cluster.producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, memberId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis())),
                new StringSerializer(), new ByteArraySerializer());
    }
}
