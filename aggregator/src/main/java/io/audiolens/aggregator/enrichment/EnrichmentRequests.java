package io.audiolens.aggregator.enrichment;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.schemas.EnrichmentRequest;

/** Turns a group's complete probe set into the one request the workers act on. */
public final class EnrichmentRequests {

    private EnrichmentRequests() {
    }

    public static EnrichmentRequest request(GroupCounts counts, EnrichmentPlan.Requested plan,
            AggregationParameters parameters) {
        return EnrichmentRequest.newBuilder()
                .setModel(counts.group().model())
                .setAttribute(counts.group().attribute())
                .setPrompt(counts.group().prompt())
                .setSourceLayer(plan.sourceLayer())
                .setTargetLayer(plan.targetLayer())
                .setLambdas(parameters.lambdas())
                .setRandomSeeds(parameters.seeds())
                .setProbeSize(parameters.probeSize())
                .setLayers(counts.layers())
                .build();
    }
}
