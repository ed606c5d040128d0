package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.enrichment.EnrichmentMetrics;
import io.audiolens.aggregator.enrichment.EnrichmentPlan;
import io.audiolens.aggregator.enrichment.EnrichmentRequests;
import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.metrics.GroupMetrics;
import io.audiolens.aggregator.state.EnrichmentKey;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.ProjectionCounting;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Counts projections per group and passes each projection counted for the first time on to the monitor.
 * Publishes {@code ScoreSnapshot}s; when a view LAST group's probe set
 * completes (which happens once: the probe set stops growing at the probe size), emits its one
 * {@code EnrichmentRequest}, or an {@code EnrichmentSnapshot} saying why there is none.
 */
final class ProjectionProcessor extends CountingProcessor<LayerProjection, GroupCounts> {

    static final CountingStores STORES = new CountingStores(StoreNames.GROUPS, StoreNames.SEEN_SAMPLES_INDEX,
            StoreNames.SEEN_SAMPLES_BATCHES, StoreNames.SEEN_SAMPLES,
            StoreNames.REJECTED_PROJECTIONS, StoreNames.CHANGED_GROUPS);

    /** Its children: the monitor, and the sinks (or the correlations' filter) of each kind it emits. */
    static final String MONITOR = "monitor";
    static final String SCORES = "projections-scores";
    static final String VIEW_LAST_SCORES = "view-last-scores";
    static final String REQUESTS = "projections-requests";
    static final String ENRICHMENT = "projections-enrichment";
    static final String DEAD_LETTERS = "projections-dead-letters";
    private static final CountingRoutes ROUTES = new CountingRoutes(List.of(SCORES, VIEW_LAST_SCORES), DEAD_LETTERS);

    private final AggregationParameters parameters;

    ProjectionProcessor(AggregationParameters parameters, ValueReader<LayerProjection> decoder,
            Duration publishInterval, AggregatorMeters meters) {
        super("aggregator.projections", STORES, ROUTES, new ProjectionCounting(parameters.probeSize()), decoder,
                publishInterval, meters);
        this.parameters = parameters;
    }

    @Override
    protected void onCounted(LayerProjection projection, String group, long timestamp) {
        forward(MONITOR, group, projection, timestamp);
    }

    @Override
    protected void onProbeCompleted(GroupCounts completed, long timestamp) {
        EnrichmentPlan.of(completed, parameters).ifPresent(plan -> decideEnrichment(completed, plan, timestamp));
    }

    @Override
    protected SpecificRecord snapshot(GroupCounts current) {
        return Snapshots.score(GroupMetrics.of(current, parameters));
    }

    private void decideEnrichment(GroupCounts completed, EnrichmentPlan plan, long timestamp) {
        EnrichmentKey key = completed.group().enrichmentKey();
        if (plan instanceof EnrichmentPlan.Requested requested) {
            forward(REQUESTS, key.asKey(), EnrichmentRequests.request(completed, requested, parameters), timestamp);
        }
        forward(ENRICHMENT, key.asKey(), Snapshots.enrichment(EnrichmentMetrics.of(key, plan, null, parameters)),
                timestamp);
    }
}
