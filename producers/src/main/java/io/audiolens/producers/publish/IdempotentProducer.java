package io.audiolens.producers.publish;

import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer behind a {@link SampleSink}: idempotent and acknowledged by every in-sync replica,
 * so a retried send never writes a record twice; String keys, values serialised by the sink.
 */
final class IdempotentProducer {

    private IdempotentProducer() {
    }

    /** Connects and checks that both topics exist, so that a missing topic fails once, not once per clip. */
    static Producer<String, byte[]> connect(KafkaCluster cluster) {
        Producer<String, byte[]> producer = new KafkaProducer<>(config(cluster), new StringSerializer(),
                new ByteArraySerializer());
        try {
            for (Topic<?> topic : List.of(Topics.SAMPLES, Topics.DEAD_LETTERS)) {
                requireTopic(producer, topic, cluster.bootstrapServers());
            }
            return producer;
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    static Map<String, Object> config(KafkaCluster cluster) {
        return cluster.producer(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                // fail in 30 s, not 60, when the cluster is unreachable or a topic is missing
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "audiolens-producer"));
    }

    private static void requireTopic(Producer<String, byte[]> producer, Topic<?> topic, String bootstrapServers) {
        try {
            producer.partitionsFor(topic.name());
        } catch (AuthenticationException e) {
            throw e;
        } catch (KafkaException e) {
            throw new IllegalStateException("topic " + topic.name() + " is not available on " + bootstrapServers
                    + " (" + e.getMessage() + "); check the address, that security.protocol in --kafka-config matches"
                    + " the listener, and create the AudioLens topics first", e);
        }
    }
}
