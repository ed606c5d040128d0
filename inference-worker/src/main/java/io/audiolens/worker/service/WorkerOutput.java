package io.audiolens.worker.service;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Everything a worker writes, inside the caller's open transaction. */
final class WorkerOutput {
    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<LayerProjection> projections;
    private final Serializer<DeadLetter> deadLetters;

    WorkerOutput(KafkaProducer<String, byte[]> producer, WorkerSettings settings) {
        this.producer = producer;
        this.projections = Topics.PROJECTIONS.valueSerde(settings.serdes()).serializer();
        this.deadLetters = Topics.DEAD_LETTERS.valueSerde(settings.serdes()).serializer();
    }

    void projection(LayerProjection projection) {
        String topic = Topics.PROJECTIONS.name();
        producer.send(new ProducerRecord<>(topic, ProjectionBuilder.groupKey(projection),
                projections.serialize(topic, projection)));
    }

    void deadLetter(ConsumerRecord<String, byte[]> original, String stage, String reason) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setOriginalTopic(original.topic())
                .setOriginalPartition(original.partition())
                .setOriginalOffset(original.offset())
                .setOriginalKey(original.key())
                .setOriginalValue(original.value() == null ? null : ByteBuffer.wrap(original.value()))
                .setStage(stage)
                .setReason(reason)
                .setTimestamp(Instant.now())
                .build();
        String topic = Topics.DEAD_LETTERS.name();
        producer.send(new ProducerRecord<>(topic, original.key(), deadLetters.serialize(topic, letter)));
    }
}
