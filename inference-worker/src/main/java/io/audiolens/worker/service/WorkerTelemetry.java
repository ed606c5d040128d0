package io.audiolens.worker.service;

import io.audiolens.telemetry.Health;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * The projection loop's operator meters and health: samples analysed, the analysis latency of one sample
 * (every prompt's forward pass and lens), dead letters, the Kafka clients' own metrics; alive while the
 * loop has not failed, ready while it has partitions assigned and is polling.
 */
public final class WorkerTelemetry implements Health {

    private final MeterRegistry registry;
    private final Counter samples;
    private final Timer analysis;
    private final AtomicInteger assigned = new AtomicInteger();
    private final AtomicLong lastPollNanos = new AtomicLong();
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
    private volatile String failure;

    public WorkerTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.samples = Counter.builder("audiolens.worker.samples").description("samples analysed into projections")
                .register(registry);
        this.analysis = Timer.builder("audiolens.worker.forward").description("one sample's forward passes and lens"
                + " readings, every prompt format").publishPercentileHistogram().register(registry);
        Gauge.builder("audiolens.worker.assigned.partitions", assigned, AtomicInteger::get)
                .description("samples partitions this worker's projection loop consumes").register(registry);
    }

    void bind(KafkaConsumer<?, ?> consumer, KafkaProducer<?, ?> producer) {
        for (KafkaClientMetrics metrics : List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(producer))) {
            metrics.bindTo(registry);
            clientMetrics.add(metrics);
        }
    }

    void unbind() {
        clientMetrics.forEach(KafkaClientMetrics::close);
        clientMetrics.clear();
    }

    ConsumerRebalanceListener rebalanceListener() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.addAndGet(partitions.size());
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assigned.addAndGet(-partitions.size());
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                assigned.addAndGet(-partitions.size());
            }
        };
    }

    void polled() {
        lastPollNanos.set(System.nanoTime());
    }

    void analysed(Duration took) {
        samples.increment();
        analysis.record(took);
    }

    void deadLetter(String stage) {
        Counter.builder("audiolens.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", stage).register(registry).increment();
    }

    void skipped(String stage) {
        Counter.builder("audiolens.worker.skipped").description("records a loop skipped because another loop"
                + " dead-letters them").tag("stage", stage).register(registry).increment();
    }

    void failed(RuntimeException e) {
        failure = e.toString();
    }

    @Override
    public Status liveness() {
        String failed = failure;
        return failed == null ? Status.ok("the projection loop runs") : Status.failing("the projection loop failed: " + failed);
    }

    @Override
    public Status readiness() {
        if (failure != null) {
            return liveness();
        }
        long sincePoll = System.nanoTime() - lastPollNanos.get();
        if (lastPollNanos.get() == 0 || sincePoll > LoopClients.MAX_POLL_INTERVAL.toNanos()) {
            return Status.failing("the projection loop is not polling");
        }
        return assigned.get() > 0 ? Status.ok("consuming " + assigned.get() + " partitions")
                : Status.failing("no partition assigned (yet): the consumer group is rebalancing or has more workers"
                        + " than partitions");
    }
}
