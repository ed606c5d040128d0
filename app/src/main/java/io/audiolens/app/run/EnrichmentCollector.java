package io.audiolens.app.run;

import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
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
    private final SerdeConfig serdes;
    private final Set<String> sampleIds;
    private final Map<String, EnrichmentRequest> requests = new TreeMap<>();
    private final Map<String, EnrichmentOutcome> outcomes = new TreeMap<>();

    EnrichmentCollector(String bootstrapServers, SerdeConfig serdes, Set<String> sampleIds) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "audiolens-run-enrichment-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(Topics.ENRICHMENT_REQUESTS.name(), Topics.ENRICHMENT_OUTCOMES.name()));
        this.serdes = serdes;
        this.sampleIds = Set.copyOf(sampleIds);
    }

    void poll(Duration timeout) {
        var requestValues = Topics.ENRICHMENT_REQUESTS.valueSerde(serdes).deserializer();
        var outcomeValues = Topics.ENRICHMENT_OUTCOMES.valueSerde(serdes).deserializer();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            if (r.topic().equals(Topics.ENRICHMENT_REQUESTS.name())) {
                requests.putIfAbsent(r.key(), requestValues.deserialize(r.topic(), r.value()));
            } else {
                EnrichmentOutcome outcome = outcomeValues.deserialize(r.topic(), r.value());
                if (sampleIds.contains(outcome.getSampleId())) {
                    outcomes.putIfAbsent(r.key() + "\u0000" + outcome.getSampleId(), outcome);
                }
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
