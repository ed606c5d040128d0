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

/** Everything a loop writes, inside its open transaction: typed records and dead letters. */
final class LoopOutput {
    private final KafkaProducer<String, byte[]> producer;
    private final SerdeConfig serdes;
    private final Map<Topic<?>, Serializer<?>> serializers = new HashMap<>();

    LoopOutput(KafkaProducer<String, byte[]> producer, SerdeConfig serdes) {
        this.producer = producer;
        this.serdes = serdes;
    }

    <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
        @SuppressWarnings("unchecked")
        Serializer<V> serializer = (Serializer<V>) serializers.computeIfAbsent(topic,
                t -> topic.valueSerde(serdes).serializer());
        producer.send(new ProducerRecord<>(topic.name(), key, serializer.serialize(topic.name(), value)));
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
