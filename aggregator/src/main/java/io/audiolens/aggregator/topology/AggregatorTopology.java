package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.AggregatorTopics;
import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.monitor.MonitorSerdes;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.aggregator.state.BinarySerde;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.MonitorWindow;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
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
 *                                 ├─▶ (first count of a sample) ─▶ monitor windows ─┬─▶ monitor.windows
 *                                 │        monitor.baselines (global store) ──┘      └─▶ monitor.alerts
 *                                 └─▶ dead-letters
 * enrichment.outcomes ─▶ count per model|attribute|prompt ─┬─▶ metrics.enrichment
 *                                                          └─▶ dead-letters
 * </pre>
 */
public final class AggregatorTopology {

    private AggregatorTopology() {
    }

    public static Topology build(AggregatorSettings settings, ValueSerdes serdes, AggregatorMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        AggregatorTopics topics = settings.topics();
        addStores(builder, settings.monitor(), topics);
        Consumed<String, byte[]> raw = Consumed.with(Serdes.String(), Serdes.ByteArray());
        Serde<ScoreSnapshot> scoreSerde = serdes.forTopic(Topics.SCORE_METRICS);
        Serde<DeadLetter> deadLetters = serdes.forTopic(Topics.DEAD_LETTERS);
        Serde<EnrichmentSnapshot> enrichment = serdes.forTopic(Topics.ENRICHMENT_METRICS);

        // each processor forwards a kind of record to the child of that name only (no split, no casts per record)
        KStream<String, SpecificRecord> fromProjections = builder
                .stream(topics.projections(), raw.withName("projections"))
                .process(() -> new ProjectionProcessor(settings.parameters(), serdes.reader(Topics.PROJECTIONS),
                        settings.publishInterval(), meters),
                        Named.as("count-projections"), storeNames(ProjectionProcessor.STORES));
        KStream<String, ScoreSnapshot> scores = routed(fromProjections);
        scores.to(topics.scores(), Produced.with(Serdes.String(), scoreSerde).withName(ProjectionProcessor.SCORES));
        AggregatorTopology.<EnrichmentRequest>routed(fromProjections).to(topics.requests(), Produced.with(Serdes.String(),
                serdes.forTopic(Topics.ENRICHMENT_REQUESTS)).withName(ProjectionProcessor.REQUESTS));
        AggregatorTopology.<EnrichmentSnapshot>routed(fromProjections).to(topics.enrichment(),
                Produced.with(Serdes.String(), enrichment).withName(ProjectionProcessor.ENRICHMENT));
        AggregatorTopology.<DeadLetter>routed(fromProjections).to(topics.deadLetters(),
                Produced.with(Serdes.String(), deadLetters).withName(ProjectionProcessor.DEAD_LETTERS));

        KStream<String, SpecificRecord> fromMonitor = AggregatorTopology.<LayerProjection>routed(fromProjections)
                .process(() -> new MonitorProcessor(settings.monitor(), new PinnedBaselines(
                        serdes.forTopic(Topics.MONITOR_BASELINES).deserializer(), topics.baselines()),
                        settings.publishInterval(), meters), Named.as(ProjectionProcessor.MONITOR), MonitorProcessor.STORES);
        AggregatorTopology.<MonitorWindow>routed(fromMonitor).to(topics.windows(), Produced.with(Serdes.String(),
                serdes.forTopic(Topics.MONITOR_WINDOWS)).withName(MonitorProcessor.WINDOWS));
        AggregatorTopology.<MonitorAlert>routed(fromMonitor).to(topics.alerts(), Produced.with(Serdes.String(),
                serdes.forTopic(Topics.MONITOR_ALERTS)).withName(MonitorProcessor.ALERTS));

        scores.filter((group, score) -> score.getView() == View.LAST, Named.as(ProjectionProcessor.VIEW_LAST_SCORES))
                .selectKey((group, score) -> score.getModel())
                .repartition(Repartitioned.with(Serdes.String(), scoreSerde).withName("view-last-scores-by-model"))
                .process(CorrelationProcessor::new, Named.as("tabulate-models"), StoreNames.MODEL_POINTS)
                .to(topics.correlations(), Produced.with(Serdes.String(), serdes.forTopic(Topics.CORRELATION_METRICS)));

        KStream<String, SpecificRecord> fromOutcomes = builder
                .stream(topics.outcomes(), raw.withName("outcomes"))
                .process(() -> new OutcomeProcessor(settings.parameters(), serdes.reader(Topics.ENRICHMENT_OUTCOMES),
                        settings.publishInterval(), meters),
                        Named.as("count-outcomes"), storeNames(OutcomeProcessor.STORES));
        AggregatorTopology.<EnrichmentSnapshot>routed(fromOutcomes).to(topics.enrichment(),
                Produced.with(Serdes.String(), enrichment).withName(OutcomeProcessor.ENRICHMENT));
        AggregatorTopology.<DeadLetter>routed(fromOutcomes).to(topics.deadLetters(),
                Produced.with(Serdes.String(), deadLetters).withName(OutcomeProcessor.DEAD_LETTERS));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, MonitorSettings monitor, AggregatorTopics topics) {
        addCountingStores(builder, ProjectionProcessor.STORES, BinarySerde.groupCounts());
        addCountingStores(builder, OutcomeProcessor.STORES, BinarySerde.enrichmentCounts());
        addLiveStore(builder, StoreNames.MODEL_POINTS, ModelPoints.serde());
        // live and cached: a window changes with every projection; it stays an object between commits and reaches
        // RocksDB and its changelog once per commit. A record far ahead in time closes the due windows before it is
        // stored (MonitorProcessor), and live values and the cache are written down in the order they last changed,
        // so those closed windows are written before its segment expiry.
        // logged with WindowsChangelog's settings: stamped with the broker's append time, not the event time
        builder.addStateStore(LiveWindowStore.builder(Stores.persistentWindowStore(StoreNames.MONITOR_WINDOWS,
                monitor.retention(), monitor.window(), false), MonitorSerdes.windows())
                .withCachingEnabled().withLoggingEnabled(WindowsChangelog.settings(monitor)));
        addLiveStore(builder, StoreNames.MONITOR_GROUPS, MonitorSerdes.groups());
        addStore(builder, StoreNames.MONITOR_CHANGED, Serdes.Boolean());
        // the topic is the store's changelog; values stay raw bytes, decoded (or reported) where they are used
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MONITOR_BASELINES),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), topics.baselines(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("baselines"), PinnedBaselineUpdates::new);
    }

    private static <C> void addCountingStores(StreamsBuilder builder, CountingProcessor.CountingStores stores, Serde<C> counts) {
        addLiveStore(builder, stores.counts(), counts);
        // SeenIds: the ids of a commit interval go to the changelog as one packed batch (a live store, written at the
        // commit), and into an index without changelog, rebuilt from the batches; not cached: a record cache saves no
        // write of keys each written once, and RocksDB's memtable and bloom filter serve the index's few reads
        builder.addStateStore(LiveValueStore.builder(Stores.persistentKeyValueStore(stores.seenBatches()),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.seenIndex()),
                Serdes.String(), Serdes.Long()).withLoggingDisabled());
        // the seen store of aggregators before the batches: restored and read, never written
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.seenBefore()),
                Serdes.String(), Serdes.Boolean()));
        addStore(builder, stores.rejected(), Serdes.Long());
        addStore(builder, stores.changed(), Serdes.Boolean());
    }

    private static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
        // cached: within a commit interval a group's many updates reach RocksDB and its changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled());
    }

    /** {@link #addStore}, its values kept as objects between commits ({@link LiveValueStore}): counts of kilobytes. */
    private static <V> void addLiveStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(LiveValueStore.builder(Stores.persistentKeyValueStore(name), values)
                .withCachingEnabled());
    }

    private static String[] storeNames(CountingProcessor.CountingStores stores) {
        return stores.names();
    }

    /**
     * The stream of one named child of a processor whose outputs are {@code SpecificRecord}s: the processor forwards
     * only {@code T}s to that child (by name), so the view is typed at build time and nothing is checked per record.
     */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> KStream<String, T> routed(KStream<String, SpecificRecord> stream) {
        return (KStream<String, T>) (KStream<String, ?>) stream;
    }
}
