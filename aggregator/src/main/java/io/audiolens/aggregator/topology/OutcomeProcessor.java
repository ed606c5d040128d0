package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.enrichment.EnrichmentMetrics;
import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.OutcomeCounting;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Counts the workers' enrichment outcomes per model × attribute × prompt and publishes enrichment snapshots. */
final class OutcomeProcessor extends CountingProcessor<EnrichmentOutcome, EnrichmentCounts> {

    static final CountingStores STORES = new CountingStores(StoreNames.ENRICHMENT, StoreNames.SEEN_OUTCOMES_INDEX,
            StoreNames.SEEN_OUTCOMES_BATCHES, StoreNames.SEEN_OUTCOMES,
            StoreNames.REJECTED_OUTCOMES, StoreNames.CHANGED_ENRICHMENT);

    /** Its children: the sinks of each kind it emits. */
    static final String ENRICHMENT = "outcomes-enrichment";
    static final String DEAD_LETTERS = "outcomes-dead-letters";
    private static final CountingRoutes ROUTES = new CountingRoutes(List.of(ENRICHMENT), DEAD_LETTERS);

    private final AggregationParameters parameters;

    OutcomeProcessor(AggregationParameters parameters, ValueReader<EnrichmentOutcome> decoder,
            Duration publishInterval, AggregatorMeters meters) {
        super("aggregator.outcomes", STORES, ROUTES, new OutcomeCounting(), decoder, publishInterval, meters);
        this.parameters = parameters;
    }

    @Override
    protected SpecificRecord snapshot(EnrichmentCounts current) {
        return Snapshots.enrichment(EnrichmentMetrics.of(current.key(), null, current, parameters));
    }
}
