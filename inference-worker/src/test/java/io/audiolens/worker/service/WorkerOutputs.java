package io.audiolens.worker.service;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What workers write for one test, read back from the broker as they write it: projections and outcomes of
 * the samples whose ids start with the test's prefix, and dead letters whose key starts with it.
 */
final class WorkerOutputs implements AutoCloseable {

    private final String prefix;
    private final KafkaConsumer<String, byte[]> projectionRecords;
    private final KafkaConsumer<String, byte[]> letterRecords;
    private final KafkaConsumer<String, byte[]> outcomeRecords;
    private final ValuesOf<LayerProjection> projectionValues;
    private final ValuesOf<DeadLetter> letterValues;
    private final ValuesOf<EnrichmentOutcome> outcomeValues;
    private final List<LayerProjection> projections = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<EnrichmentOutcome> outcomes = new ArrayList<>();

    private interface ValuesOf<V> {
        V read(String topic, byte[] bytes);
    }

    WorkerOutputs(EmbeddedPlatform platform, String prefix) {
        this.prefix = prefix;
        projectionRecords = consumer(platform, Topics.PROJECTIONS);
        letterRecords = consumer(platform, Topics.DEAD_LETTERS);
        outcomeRecords = consumer(platform, Topics.ENRICHMENT_OUTCOMES);
        projectionValues = Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).deserializer()::deserialize;
        letterValues = Topics.DEAD_LETTERS.valueSerde(platform.serdeConfig()).deserializer()::deserialize;
        outcomeValues = Topics.ENRICHMENT_OUTCOMES.valueSerde(platform.serdeConfig()).deserializer()::deserialize;
    }

    /** Polls until {@code done}, failing at once if a worker in {@code alive} dies. */
    void awaitUntil(BooleanSupplier done, String what, InferenceWorker... alive) {
        Polling.awaitUntil(() -> {
            for (InferenceWorker worker : alive) {
                worker.failure().ifPresent(e -> {
                    throw new AssertionError("the worker died", e);
                });
            }
            poll();
            return done.getAsBoolean();
        }, Duration.ofSeconds(120), Duration.ofMillis(10), what);
    }

    void poll() {
        for (ConsumerRecord<String, byte[]> r : projectionRecords.poll(Duration.ofMillis(100))) {
            LayerProjection value = projectionValues.read(r.topic(), r.value());
            if (value.getSampleId().startsWith(prefix)) {
                projections.add(value);
            }
        }
        for (ConsumerRecord<String, byte[]> r : letterRecords.poll(Duration.ofMillis(50))) {
            if (r.key() != null && r.key().startsWith(prefix)) {
                deadLetters.add(letterValues.read(r.topic(), r.value()));
            }
        }
        for (ConsumerRecord<String, byte[]> r : outcomeRecords.poll(Duration.ofMillis(50))) {
            EnrichmentOutcome value = outcomeValues.read(r.topic(), r.value());
            if (value.getSampleId().startsWith(prefix)) {
                outcomes.add(value);
            }
        }
    }

    List<LayerProjection> projections() {
        return projections;
    }

    List<LayerProjection> projectionsOf(String sampleId) {
        return projections.stream().filter(p -> p.getSampleId().equals(sampleId)).toList();
    }

    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    List<DeadLetter> deadLettersOf(String key) {
        return deadLetters.stream().filter(l -> key.equals(l.getOriginalKey())).toList();
    }

    List<EnrichmentOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public void close() {
        projectionRecords.close();
        letterRecords.close();
        outcomeRecords.close();
    }

    /** A labelled TEST sample of 16 kHz {@code pcm}. */
    static AudioSample sample(String id, String attribute, String label, short[] pcm) {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            bytes.putShort(s);
        }
        return AudioSample.newBuilder().setSampleId(id).setDataset("worker-test").setAttribute(attribute)
                .setLabel(label).setSplit(Split.TEST).setSampleRate(16000).setPcm16(bytes.flip())
                .setDurationSeconds(pcm.length / 16000.0).setSource("test").build();
    }

    /** A producer of raw values that takes records up to 2 MB, so that the broker is the one to judge their size. */
    static KafkaProducer<String, byte[]> producer(EmbeddedPlatform platform) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 << 20),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement. */
    static RecordMetadata send(KafkaProducer<String, byte[]> producer, Topic<?> topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (ExecutionException e) {
            throw new AssertionError("the broker refused " + key + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedPlatform platform, Topic<?> topic) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(java.util.List.of(topic.name()));
        return c;
    }
}
