package io.audiolens.producers.publish;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RecordLimit;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.ValueWriter;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends samples to {@link Topics#SAMPLES} and rejections to {@link Topics#DEAD_LETTERS} through one
 * idempotent producer ({@code acks=all}), asynchronously: each acknowledgement or failure is counted in
 * the caller's {@link Tally} as it arrives, and {@link #flush()} waits for all of them. Values are
 * serialised here with each topic's serde, so one producer serves both topics; a registry that does not
 * answer is asked again as {@link RegistryPatience} allows, then stops the run. A dead letter is fitted under
 * Kafka's record size ({@link RecordLimit}): its key and reason come from file names, which may be long; a
 * sample over it (30 s of audio and very long names) is dead-lettered instead of refused by the broker.
 */
public final class SampleSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSink.class);

    private final Producer<String, byte[]> producer;
    private final ValueWriter<AudioSample> samples;
    private final ValueWriter<DeadLetter> deadLetters;

    private SampleSink(Producer<String, byte[]> producer, SerdeConfig serdeConfig, RegistryPatience patience) {
        this.producer = producer;
        this.samples = ValueWriter.of(Topics.SAMPLES, serdeConfig, patience);
        this.deadLetters = ValueWriter.of(Topics.DEAD_LETTERS, serdeConfig, patience);
    }

    /** Connects to the cluster and checks the topics (see {@link IdempotentProducer#connect}). */
    public static SampleSink connect(KafkaCluster cluster, SerdeConfig serdeConfig) {
        return connect(cluster, serdeConfig, RegistryPatience.DEFAULT);
    }

    /** The same, asking a registry that does not answer as {@code patience} allows. */
    public static SampleSink connect(KafkaCluster cluster, SerdeConfig serdeConfig, RegistryPatience patience) {
        return new SampleSink(IdempotentProducer.connect(cluster), serdeConfig, patience);
    }

    /** Sends {@code sample} keyed by its id; the tally counts it once the broker acknowledges it. */
    public void publish(AudioSample sample, boolean wasCut, boolean wasConverted, Tally tally) {
        String id = sample.getSampleId();
        long size = RecordLimit.size(id, sample);
        if (size > RecordLimit.MAX_BYTES) {
            reject(new Rejection(id, sample.getSource(), "its sample record would be " + size + " bytes, over the "
                    + RecordLimit.MAX_BYTES + "-byte record limit (30 s of audio take 960000); shorten the dataset name"
                    + " or the file's path"), Path.of(sample.getSource()), tally);
            return;
        }
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
        producer.send(record(Topics.DEAD_LETTERS, deadLetters, letter.getOriginalKey(), letter), (metadata, error) -> {
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

    private static <V extends SpecificRecord> ProducerRecord<String, byte[]> record(Topic<V> topic,
            ValueWriter<V> writer, String key, V value) {
        try {
            return new ProducerRecord<>(topic.name(), key, writer.write(value));
        } catch (SerializationException e) {
            throw new IllegalStateException("cannot serialise " + key + " for " + topic.name() + ": " + e.getMessage(), e);
        }
    }

    private static void notAcknowledged(Rejection failure, Tally tally) {
        LOG.error("not acknowledged {}: {}", failure.source(), failure.reason());
        tally.failed(failure);
    }
}
