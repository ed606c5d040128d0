package io.audiolens.worker.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, handle, produce: each poll's records, everything the handler writes for them and the
 * consumed offsets commit in one Kafka transaction, so a process killed at any point leaves either all
 * of a batch's output or none of it (exactly once).
 */
final class TransactionalLoop implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);

    private final LoopClients clients;
    private final LoopSerdes serdes;
    private final String inputTopic;
    private final RecordHandler handler;
    private final WorkerTelemetry telemetry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile RuntimeException failure;

    TransactionalLoop(LoopClients clients, LoopSerdes serdes, String inputTopic, RecordHandler handler,
            WorkerTelemetry telemetry) {
        this.clients = clients;
        this.serdes = serdes;
        this.inputTopic = inputTopic;
        this.handler = handler;
        this.telemetry = telemetry;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(clients.memberId() + " is already running");
        }
        try (KafkaConsumer<String, byte[]> c = clients.consumer();
                KafkaProducer<String, byte[]> producer = clients.transactionalProducer()) {
            consumer = c;
            telemetry.bind(c, producer);
            producer.initTransactions();
            LoopOutput output = new LoopOutput(producer, serdes);
            c.subscribe(List.of(inputTopic), telemetry.rebalanceListener());
            while (running.get()) {
                ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
                telemetry.polled();
                if (!batch.isEmpty()) {
                    inTransaction(batch, c, producer, output);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failed(e);
                throw e;
            }
        } catch (RuntimeException e) {
            failed(e);
            LOG.error("{} failed: {}", clients.memberId(), e.toString());
            throw e;
        } finally {
            telemetry.unbind();
            stopped.countDown();
        }
    }

    private void inTransaction(ConsumerRecords<String, byte[]> batch, KafkaConsumer<String, byte[]> c,
            KafkaProducer<String, byte[]> producer, LoopOutput output) {
        producer.beginTransaction();
        try {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            batch.forEach(records::add);
            handler.handleAll(records, output::forInput);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    private void failed(RuntimeException e) {
        failure = e;
        telemetry.failed(e);
    }

    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Asks the loop to stop after the current batch's transaction, without waiting for it. */
    void stop() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Stops after the current batch's transaction; returns once the loop has ended. */
    @Override
    public void close() throws InterruptedException {
        stop();
        if (started.get()) {
            stopped.await();
        }
    }
}
