package io.audiolens.app.run;

import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads committed enrichment requests and the outcomes for this run's samples (one per request and
 * sample), until every request has an outcome for each of its attribute's test samples.
 */
final class EnrichmentCollector implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final ValueReader<EnrichmentRequest> requestValues;
    private final ValueReader<EnrichmentOutcome> outcomeValues;
    private final Set<String> sampleIds;
    private final Map<String, EnrichmentRequest> requests = new TreeMap<>();
    private final Map<String, EnrichmentOutcome> outcomes = new TreeMap<>();

    EnrichmentCollector(KafkaCluster cluster, SerdeConfig serdes, Set<String> sampleIds) {
        this.consumer = new KafkaConsumer<>(cluster.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "audiolens-run-enrichment-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(Topics.ENRICHMENT_REQUESTS.name(), Topics.ENRICHMENT_OUTCOMES.name()));
        this.requestValues = ValueReader.of(Topics.ENRICHMENT_REQUESTS, serdes, RegistryPatience.DEFAULT);
        this.outcomeValues = ValueReader.of(Topics.ENRICHMENT_OUTCOMES, serdes, RegistryPatience.DEFAULT);
        this.sampleIds = Set.copyOf(sampleIds);
    }

    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            if (r.topic().equals(Topics.ENRICHMENT_REQUESTS.name())) {
                CollectedValues.read(requestValues, r).ifPresent(request -> requests.putIfAbsent(r.key(), request));
            } else {
                CollectedValues.read(outcomeValues, r).filter(outcome -> sampleIds.contains(outcome.getSampleId()))
                        .ifPresent(outcome -> outcomes.putIfAbsent(r.key() + "\u0000" + outcome.getSampleId(), outcome));
            }
        }
    }

    /**
     * True when every {@code expected} request has been read and each request read has outcomes for
     * {@code testSamples.get(attribute)} samples. A request not read yet must not count as complete: outcomes
     * of one request can arrive before another request is read.
     */
    boolean complete(Set<String> expected, Map<String, Long> testSamplesByAttribute) {
        return requests.keySet().containsAll(expected) && requests.entrySet().stream().allMatch(e -> outcomesFor(e.getKey())
                >= testSamplesByAttribute.getOrDefault(e.getValue().getAttribute(), 0L));
    }

    Map<String, EnrichmentRequest> requests() {
        return requests;
    }

    long outcomesFor(String requestKey) {
        return outcomes.keySet().stream().filter(k -> k.startsWith(requestKey + "\u0000")).count();
    }

    /** Sorted by request key, then sample id. */
    List<EnrichmentOutcome> outcomes() {
        return outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }


    @Override
    public void close() {
        consumer.close();
    }
}
