package io.audiolens.worker.service;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import io.audiolens.schemas.wire.ValueWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the enrichment-requests topic from its start (every start: the plans live in memory) and hands
 * every request for our model on. A request that cannot be read, or cannot be carried out on this model,
 * becomes a dead letter (stage {@value #STAGE}) once per worker id: after each poll the position is committed
 * under the worker's own group ({@code <member id>-requests}), so a restart replays the requests without
 * reporting a bad one again (unless it stopped between the dead letter and the commit). Any other failure
 * ends {@link #run()} with the exception.
 */
final class EnrichmentRequestWatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentRequestWatcher.class);
    static final String STAGE = "worker/enrichment-request";

    private final KafkaCluster cluster;
    private final ValueReader<EnrichmentRequest> requests;
    private final ValueWriter<DeadLetter> letters;
    private final String model;
    private final int layers;
    private final String memberId;
    private final Consumer<EnrichmentPlan> onRequest;
    private final WorkerTelemetry telemetry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, byte[]> consumer;

    EnrichmentRequestWatcher(KafkaCluster cluster, LoopSerdes serdes, String model, int layers, String memberId,
            Consumer<EnrichmentPlan> onRequest, WorkerTelemetry telemetry) {
        this.cluster = cluster;
        this.requests = serdes.reader(Topics.ENRICHMENT_REQUESTS);
        this.letters = serdes.writer(Topics.DEAD_LETTERS);
        this.model = model;
        this.layers = layers;
        this.memberId = memberId;
        this.onRequest = onRequest;
        this.telemetry = telemetry;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cluster.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group(memberId),
                ConsumerConfig.CLIENT_ID_CONFIG, memberId + "-requests",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(cluster.producer(Map.of(
                        ProducerConfig.CLIENT_ID_CONFIG, memberId + "-requests",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.ACKS_CONFIG, "all")),
                        new StringSerializer(), new ByteArraySerializer())) {
            consumer = c;
            Set<TopicPartition> partitions = c.partitionsFor(Topics.ENRICHMENT_REQUESTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
            c.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> handled = c.committed(partitions);
            c.seekToBeginning(partitions);
            while (running.get()) {
                ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : batch) {
                    carryOut(record).ifPresent(reason -> {
                        LOG.warn("enrichment request at {} not carried out: {}", DeadLetters.where(record), reason);
                        OffsetAndMetadata upTo = handled.get(new TopicPartition(record.topic(), record.partition()));
                        if (upTo == null || record.offset() >= upTo.offset()) {
                            DeadLetter letter = DeadLetters.of(record, STAGE, reason + " (worker " + memberId + ")");
                            send(deadLetters, record.key(), letters.write(letter));
                            telemetry.deadLetter(STAGE);
                        }
                    });
                }
                if (!batch.isEmpty()) {
                    c.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    /** The consumer group under which worker {@code memberId} commits how far it has read the requests. */
    static String group(String memberId) {
        return memberId + "-requests";
    }

    /** Hands the request on; or why it cannot be carried out here (empty too when it is for another model). */
    private Optional<String> carryOut(ConsumerRecord<String, byte[]> record) {
        EnrichmentRequest request;
        try {
            request = requests.read(record.topic(), record.value(), DeadLetters.where(record));
        } catch (UndecodableValueException e) {
            return Optional.of("not an EnrichmentRequest: " + e.reason());
        }
        if (!request.getModel().equals(model)) {
            return Optional.empty();
        }
        Optional<String> problem = EnrichmentPlan.problem(request, layers);
        if (problem.isPresent()) {
            return Optional.of("enrichment request " + record.key() + " cannot be carried out: " + problem.get());
        }
        LOG.info("enrichment request {}: source layer {} -> {}, {} λ, {} seeds", record.key(), request.getSourceLayer(),
                request.getTargetLayer(), request.getLambdas().size(), request.getRandomSeeds().size());
        onRequest.accept(new EnrichmentPlan(request));
        return Optional.empty();
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), key, value)).get();
        } catch (ExecutionException e) {
            throw new KafkaException("dead letter for an enrichment request not acknowledged: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending a dead letter for an enrichment request", e);
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
