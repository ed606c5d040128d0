package io.audiolens.worker.service;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Everything a loop writes, inside its open transaction: typed records and dead letters. What is written
 * while handling an input record carries that record's timestamp, as in Kafka Streams: a projection's
 * timestamp is its sample's produce time, the event time the aggregator's monitor windows by.
 */
final class LoopOutput {
    private final KafkaProducer<String, byte[]> producer;
    private final SerdeConfig serdes;
    private final Map<Topic<?>, Serializer<?>> serializers;
    private final Long timestamp;

    LoopOutput(KafkaProducer<String, byte[]> producer, SerdeConfig serdes) {
        this(producer, serdes, new HashMap<>(), null);
    }

    private LoopOutput(KafkaProducer<String, byte[]> producer, SerdeConfig serdes,
            Map<Topic<?>, Serializer<?>> serializers, Long timestamp) {
        this.producer = producer;
        this.serdes = serdes;
        this.serializers = serializers;
        this.timestamp = timestamp;
    }

    /** This output, writing with {@code input}'s timestamp. */
    LoopOutput forInput(ConsumerRecord<?, ?> input) {
        return new LoopOutput(producer, serdes, serializers, input.timestamp());
    }

    <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
        @SuppressWarnings("unchecked")
        Serializer<V> serializer = (Serializer<V>) serializers.computeIfAbsent(topic,
                t -> topic.valueSerde(serdes).serializer());
        producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, serializer.serialize(topic.name(), value)));
    }

    void deadLetter(ConsumerRecord<String, byte[]> original, String stage, String reason) {
        send(Topics.DEAD_LETTERS, original.key(), DeadLetter.newBuilder()
                .setOriginalTopic(original.topic())
                .setOriginalPartition(original.partition())
                .setOriginalOffset(original.offset())
                .setOriginalKey(original.key())
                .setOriginalValue(original.value() == null ? null : ByteBuffer.wrap(original.value()))
                .setStage(stage)
                .setReason(reason)
                .setTimestamp(Instant.now())
                .build());
    }
}
