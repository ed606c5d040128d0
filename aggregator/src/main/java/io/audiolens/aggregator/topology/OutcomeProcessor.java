package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.enrichment.EnrichmentMetrics;
import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.OutcomeCounting;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;

/** Counts the workers' enrichment outcomes per model × attribute × prompt and publishes enrichment snapshots. */
final class OutcomeProcessor extends CountingProcessor<EnrichmentOutcome, EnrichmentCounts> {

    static final CountingStores STORES = new CountingStores(StoreNames.ENRICHMENT, StoreNames.SEEN_OUTCOMES,
            StoreNames.REJECTED_OUTCOMES, StoreNames.CHANGED_ENRICHMENT);

    private final AggregationParameters parameters;

    OutcomeProcessor(AggregationParameters parameters, ValueReader<EnrichmentOutcome> decoder,
            Duration publishInterval, AggregatorMeters meters) {
        super("aggregator.outcomes", STORES, new OutcomeCounting(), decoder, publishInterval, meters);
        this.parameters = parameters;
    }

    @Override
    protected SpecificRecord snapshot(EnrichmentCounts current) {
        return Snapshots.enrichment(EnrichmentMetrics.of(current.key(), null, current, parameters));
    }
}
