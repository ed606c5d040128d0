package io.audiolens.app.run;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
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
 * Reads committed projections and worker dead letters for a known set of sample ids until every sample
 * has all its (prompt, view) projections or was dead-lettered. Duplicates collapse on
 * (sample, prompt, view), so what it returns is exactly one record per sample × format × view.
 */
final class ProjectionCollector implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final ValueReader<LayerProjection> projections;
    private final ValueReader<DeadLetter> deadLetters;
    private final Set<String> expected;
    private final int perSample;
    private final Map<String, LayerProjection> collected = new TreeMap<>();
    private final Map<String, Integer> countBySample = new TreeMap<>();
    private final Set<String> rejected = new HashSet<>();

    ProjectionCollector(KafkaCluster cluster, SerdeConfig serdes, Set<String> sampleIds, int projectionsPerSample) {
        this.consumer = new KafkaConsumer<>(cluster.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "audiolens-run-collector-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(Topics.PROJECTIONS.name(), Topics.DEAD_LETTERS.name()));
        this.projections = ValueReader.of(Topics.PROJECTIONS, serdes, RegistryPatience.DEFAULT);
        this.deadLetters = ValueReader.of(Topics.DEAD_LETTERS, serdes, RegistryPatience.DEFAULT);
        this.expected = Set.copyOf(sampleIds);
        this.perSample = projectionsPerSample;
    }

    /** Reads what is there now; true when every expected sample is complete or rejected. */
    boolean poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            if (r.topic().equals(Topics.PROJECTIONS.name())) {
                CollectedValues.read(projections, r).ifPresent(this::remember);
            } else if (r.key() != null && expected.contains(r.key())) {
                CollectedValues.read(deadLetters, r).filter(letter -> letter.getStage().startsWith("worker"))
                        .ifPresent(letter -> rejected.add(r.key()));
            }
        }
        return done() == expected.size();
    }

    private void remember(LayerProjection p) {
        if (!expected.contains(p.getSampleId())) {
            return;
        }
        String key = p.getSampleId() + "\u0000" + p.getPrompt() + "\u0000" + p.getView();
        if (collected.putIfAbsent(key, p) == null) {
            countBySample.merge(p.getSampleId(), 1, Integer::sum);
        }
    }

    /** Samples finished so far: all projections in, or dead-lettered by a worker. */
    int done() {
        int complete = (int) countBySample.values().stream().filter(n -> n >= perSample).count();
        return complete + (int) rejected.stream().filter(id -> !countBySample.containsKey(id)).count();
    }

    int rejectedCount() {
        return rejected.size();
    }

    /** Sorted by sample id, prompt, view. */
    List<LayerProjection> projections() {
        return collected.values().stream().sorted(Comparator.comparing((LayerProjection p) -> p.getSampleId())
                .thenComparing(p -> p.getPrompt().name()).thenComparing(p -> p.getView().ordinal())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
