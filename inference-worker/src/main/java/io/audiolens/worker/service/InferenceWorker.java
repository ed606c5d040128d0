package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.worker.lens.LensRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume samples, run the lens, produce projections: each poll's records, their projections and dead
 * letters, and the consumed offsets commit in one Kafka transaction, so a worker killed at any point
 * leaves either all of a batch's output or none of it (exactly once). A record it cannot use goes to
 * the dead-letter topic with the stage and the reason, and the worker keeps going.
 */
public final class InferenceWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceWorker.class);

    private final WorkerSettings settings;
    private final LensRuntime runtime;
    private final SampleAnalyzer analyzer;
    private final Deserializer<AudioSample> samples;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile RuntimeException failure;

    public InferenceWorker(WorkerSettings settings, LensRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
        this.analyzer = new SampleAnalyzer(runtime, settings);
        this.samples = Topics.SAMPLES.valueSerde(settings.serdes()).deserializer();
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("worker " + settings.workerId() + " is already running");
        }
        try (KafkaConsumer<String, byte[]> c = WorkerClients.consumer(settings);
                KafkaProducer<String, byte[]> producer = WorkerClients.transactionalProducer(settings)) {
            consumer = c;
            producer.initTransactions();
            WorkerOutput output = new WorkerOutput(producer, settings);
            c.subscribe(List.of(Topics.SAMPLES.name()));
            LOG.info("worker {} consuming {} with model {} ({} × {})", settings.workerId(), Topics.SAMPLES.name(),
                    runtime.modelName(), settings.prompts(), settings.views());
            while (running.get()) {
                ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
                if (!batch.isEmpty()) {
                    processInTransaction(batch, c, producer, output);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
                throw e;
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("worker {} failed: {}", settings.workerId(), e.toString());
            throw e;
        } finally {
            LOG.info("worker {} stopped after {} samples ({} rejected)", settings.workerId(), processed.get(), rejected.get());
            stopped.countDown();
        }
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> batch, KafkaConsumer<String, byte[]> c,
            KafkaProducer<String, byte[]> producer, WorkerOutput output) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : batch) {
                process(record, output);
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    private void process(ConsumerRecord<String, byte[]> record, WorkerOutput output) {
        AudioSample sample;
        try {
            sample = samples.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            reject(record, output, "deserialize", "not an AudioSample in the registry's wire format: " + e.getMessage());
            return;
        }
        try {
            List<LayerProjection> projections = analyzer.analyze(sample);
            projections.forEach(output::projection);
            processed.incrementAndGet();
        } catch (RejectedSampleException e) {
            reject(record, output, "analyze", e.getMessage());
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, WorkerOutput output, String stage, String reason) {
        LOG.warn("sample {} at {}-{}@{} rejected ({}): {}", record.key(), record.topic(), record.partition(),
                record.offset(), stage, reason);
        output.deadLetter(record, "worker/" + stage, reason);
        rejected.incrementAndGet();
    }

    public long processed() {
        return processed.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** The error that ended the loop, if one did. */
    public java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Stops after the current batch's transaction; returns once the loop has ended. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (started.get()) {
            stopped.await();
        }
    }
}
