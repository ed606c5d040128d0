package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.AggregatorTopics;
import io.audiolens.aggregator.state.BinarySerde;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.Topics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * <pre>
 * projections ─▶ count per group ─┬─▶ metrics.scores ─▶ (view LAST, by model) ─▶ Tables II/III ─▶ metrics.correlations
 *                                 ├─▶ enrichment.requests          (once per view LAST group)
 *                                 ├─▶ metrics.enrichment           (the decision: requested, or why not)
 *                                 └─▶ dead-letters
 * enrichment.outcomes ─▶ count per model|attribute|prompt ─┬─▶ metrics.enrichment
 *                                                          └─▶ dead-letters
 * </pre>
 */
public final class AggregatorTopology {

    private AggregatorTopology() {
    }

    public static Topology build(AggregatorSettings settings, ValueSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        AggregatorTopics topics = settings.topics();
        Consumed<String, byte[]> raw = Consumed.with(Serdes.String(), Serdes.ByteArray());
        Serde<ScoreSnapshot> scoreSerde = serdes.forTopic(Topics.SCORE_METRICS);
        Produced<String, DeadLetter> deadLetters = Produced.with(Serdes.String(), serdes.forTopic(Topics.DEAD_LETTERS));
        Produced<String, EnrichmentSnapshot> enrichment =
                Produced.with(Serdes.String(), serdes.forTopic(Topics.ENRICHMENT_METRICS));

        Map<String, KStream<String, SpecificRecord>> fromProjections = builder
                .stream(topics.projections(), raw.withName("projections"))
                .process(() -> new ProjectionProcessor(settings.parameters(),
                        serdes.forTopic(Topics.PROJECTIONS).deserializer(), settings.publishInterval()),
                        Named.as("count-projections"), storeNames(ProjectionProcessor.STORES))
                .split(Named.as("projections-"))
                .branch((key, value) -> value instanceof ScoreSnapshot, Branched.as("scores"))
                .branch((key, value) -> value instanceof EnrichmentRequest, Branched.as("requests"))
                .branch((key, value) -> value instanceof EnrichmentSnapshot, Branched.as("enrichment"))
                .defaultBranch(Branched.as("dead-letters"));
        KStream<String, ScoreSnapshot> scores = only(fromProjections.get("projections-scores"), ScoreSnapshot.class);
        scores.to(topics.scores(), Produced.with(Serdes.String(), scoreSerde));
        only(fromProjections.get("projections-requests"), EnrichmentRequest.class)
                .to(topics.requests(), Produced.with(Serdes.String(), serdes.forTopic(Topics.ENRICHMENT_REQUESTS)));
        only(fromProjections.get("projections-enrichment"), EnrichmentSnapshot.class).to(topics.enrichment(), enrichment);
        only(fromProjections.get("projections-dead-letters"), DeadLetter.class).to(topics.deadLetters(), deadLetters);

        scores.filter((group, score) -> score.getView() == View.LAST)
                .selectKey((group, score) -> score.getModel())
                .repartition(Repartitioned.with(Serdes.String(), scoreSerde).withName("view-last-scores-by-model"))
                .process(CorrelationProcessor::new, Named.as("tabulate-models"), StoreNames.MODEL_POINTS)
                .to(topics.correlations(), Produced.with(Serdes.String(), serdes.forTopic(Topics.CORRELATION_METRICS)));

        Map<String, KStream<String, SpecificRecord>> fromOutcomes = builder
                .stream(topics.outcomes(), raw.withName("outcomes"))
                .process(() -> new OutcomeProcessor(settings.parameters(),
                        serdes.forTopic(Topics.ENRICHMENT_OUTCOMES).deserializer(), settings.publishInterval()),
                        Named.as("count-outcomes"), storeNames(OutcomeProcessor.STORES))
                .split(Named.as("outcomes-"))
                .branch((key, value) -> value instanceof EnrichmentSnapshot, Branched.as("enrichment"))
                .defaultBranch(Branched.as("dead-letters"));
        only(fromOutcomes.get("outcomes-enrichment"), EnrichmentSnapshot.class).to(topics.enrichment(), enrichment);
        only(fromOutcomes.get("outcomes-dead-letters"), DeadLetter.class).to(topics.deadLetters(), deadLetters);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        addCountingStores(builder, ProjectionProcessor.STORES, BinarySerde.groupCounts());
        addCountingStores(builder, OutcomeProcessor.STORES, BinarySerde.enrichmentCounts());
        addStore(builder, StoreNames.MODEL_POINTS, ModelPoints.serde());
    }

    private static <C> void addCountingStores(StreamsBuilder builder, CountingProcessor.CountingStores stores, Serde<C> counts) {
        addStore(builder, stores.counts(), counts);
        addStore(builder, stores.seen(), Serdes.Boolean());
        addStore(builder, stores.rejected(), Serdes.Long());
        addStore(builder, stores.changed(), Serdes.Boolean());
    }

    private static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
        // cached: within a commit interval a group's many updates reach RocksDB and its changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled());
    }

    private static String[] storeNames(CountingProcessor.CountingStores stores) {
        return new String[] {stores.counts(), stores.seen(), stores.rejected(), stores.changed()};
    }

    private static <T> KStream<String, T> only(KStream<String, SpecificRecord> stream, Class<T> type) {
        return stream.mapValues(type::cast);
    }
}
