package io.audiolens.worker.service;

import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follows the enrichment-requests topic from its start and hands every request for our model on. */
final class EnrichmentRequestWatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentRequestWatcher.class);

    private final KafkaCluster cluster;
    private final SerdeConfig serdes;
    private final String model;
    private final Consumer<EnrichmentPlan> onRequest;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, EnrichmentRequest> consumer;

    EnrichmentRequestWatcher(KafkaCluster cluster, SerdeConfig serdes, String model, Consumer<EnrichmentPlan> onRequest) {
        this.cluster = cluster;
        this.serdes = serdes;
        this.model = model;
        this.onRequest = onRequest;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, EnrichmentRequest> c = new KafkaConsumer<>(cluster.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "audiolens-enrichment-requests-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), Topics.ENRICHMENT_REQUESTS.valueSerde(serdes).deserializer())) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(Topics.ENRICHMENT_REQUESTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, EnrichmentRequest> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().getModel().equals(model)) {
                        LOG.info("enrichment request {}: source layer {} -> {}, {} λ, {} seeds", r.key(),
                                r.value().getSourceLayer(), r.value().getTargetLayer(), r.value().getLambdas().size(),
                                r.value().getRandomSeeds().size());
                        onRequest.accept(new EnrichmentPlan(r.value()));
                    }
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, EnrichmentRequest> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
