package io.audiolens.worker.service;

import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.ValueWriter;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Everything a loop writes, inside its open transaction: typed records and dead letters. What is written
 * while handling an input record carries that record's timestamp, as in Kafka Streams: a projection's
 * timestamp is its sample's produce time, the event time the aggregator's monitor windows by.
 */
final class LoopOutput {
    private final KafkaProducer<String, byte[]> producer;
    private final LoopSerdes serdes;
    private final Map<Topic<?>, ValueWriter<?>> writers;
    private final Long timestamp;

    LoopOutput(KafkaProducer<String, byte[]> producer, LoopSerdes serdes) {
        this(producer, serdes, new HashMap<>(), null);
    }

    private LoopOutput(KafkaProducer<String, byte[]> producer, LoopSerdes serdes,
            Map<Topic<?>, ValueWriter<?>> writers, Long timestamp) {
        this.producer = producer;
        this.serdes = serdes;
        this.writers = writers;
        this.timestamp = timestamp;
    }

    /** This output, writing with {@code input}'s timestamp. */
    LoopOutput forInput(ConsumerRecord<?, ?> input) {
        return new LoopOutput(producer, serdes, writers, input.timestamp());
    }

    <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
        @SuppressWarnings("unchecked")
        ValueWriter<V> writer = (ValueWriter<V>) writers.computeIfAbsent(topic, t -> serdes.writer(topic));
        producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, writer.write(value)));
    }

    /** A dead letter for {@code original}; one too big to send loses the original's bytes (the reason says so). */
    void deadLetter(ConsumerRecord<String, byte[]> original, String stage, String reason) {
        send(Topics.DEAD_LETTERS, original.key(), DeadLetters.of(original, stage, reason));
    }
}
