package io.audiolens.producers.publish;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends samples to {@link Topics#SAMPLES} and rejections to {@link Topics#DEAD_LETTERS} through one
 * idempotent producer ({@code acks=all}), asynchronously: each acknowledgement or failure is counted in
 * the caller's {@link Tally} as it arrives, and {@link #flush()} waits for all of them. Values are
 * serialised here with each topic's serde, so one producer serves both topics.
 */
public final class SampleSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSink.class);

    private final Producer<String, byte[]> producer;
    private final Serde<AudioSample> samples;
    private final Serde<DeadLetter> deadLetters;
    private final SerdeConfig serdeConfig;

    private SampleSink(Producer<String, byte[]> producer, SerdeConfig serdeConfig) {
        this.producer = producer;
        this.serdeConfig = serdeConfig;
        this.samples = Topics.SAMPLES.valueSerde(serdeConfig);
        this.deadLetters = Topics.DEAD_LETTERS.valueSerde(serdeConfig);
    }

    /** Connects to the cluster and checks the topics (see {@link IdempotentProducer#connect}). */
    public static SampleSink connect(KafkaCluster cluster, SerdeConfig serdeConfig) {
        return new SampleSink(IdempotentProducer.connect(cluster), serdeConfig);
    }

    /** Sends {@code sample} keyed by its id; the tally counts it once the broker acknowledges it. */
    public void publish(AudioSample sample, boolean wasCut, boolean wasConverted, Tally tally) {
        String id = sample.getSampleId();
        producer.send(record(Topics.SAMPLES, samples, id, sample), (metadata, error) -> {
            if (error == null) {
                tally.sent(sample.getAttribute(), sample.getSplit(), wasCut, wasConverted);
            } else {
                notAcknowledged(new Rejection(id, sample.getSource(), "sample not acknowledged: " + error), tally);
            }
        });
    }

    /** Logs the rejection, counts it and sends its dead letter, with {@code file}'s bytes when it can. */
    public void reject(Rejection rejection, Path file, Tally tally) {
        LOG.warn("rejected {}: {}", rejection.source(), rejection.reason());
        tally.rejected(rejection);
        DeadLetter letter = DeadLetters.of(rejection, file);
        producer.send(record(Topics.DEAD_LETTERS, deadLetters, rejection.sampleId(), letter), (metadata, error) -> {
            if (error != null) {
                notAcknowledged(new Rejection(rejection.sampleId(), rejection.source(),
                        "dead letter not acknowledged: " + error), tally);
            }
        });
    }

    /** Returns once every record sent so far is acknowledged or has failed, and counted. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        try (samples; deadLetters) {
            producer.close();
        }
    }

    private <V extends SpecificRecord> ProducerRecord<String, byte[]> record(Topic<V> topic, Serde<V> serde,
            String key, V value) {
        try {
            return new ProducerRecord<>(topic.name(), key, serde.serializer().serialize(topic.name(), value));
        } catch (SerializationException e) {
            throw new IllegalStateException("cannot serialise " + key + " for " + topic.name() + "; is the schema"
                    + " registry at " + serdeConfig.registryUrl() + " reachable? " + e.getMessage(), e);
        }
    }

    private static void notAcknowledged(Rejection failure, Tally tally) {
        LOG.error("not acknowledged {}: {}", failure.source(), failure.reason());
        tally.failed(failure);
    }
}
