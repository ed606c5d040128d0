package io.audiolens.app.aggregate;

import io.audiolens.aggregator.AggregationParameters;
import picocli.CommandLine.Option;

/** The method's knobs as options, shared by the live aggregator and the offline aggregation. */
final class AggregationOptions {
    @Option(names = "--probe-size", defaultValue = "100", description = "probe samples per group (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--alpha", defaultValue = "0.2", description = "critical layer margin α (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--enrich-offset", paramLabel = "K",
            description = "enrich h^(ℓ̄+K) with h^ℓ̄ (default: the paper's 5 scaled to the model's depth, round(5·L/32) and at least 1: 5 on 32 layers)")
    Integer enrichOffset;

    AggregationParameters parameters() {
        if (enrichOffset != null && enrichOffset < 1) {
            throw new IllegalArgumentException("--enrich-offset must be at least 1, got " + enrichOffset);
        }
        AggregationParameters parameters = AggregationParameters.defaults().withProbeSize(probeSize).withAlpha(alpha);
        return enrichOffset == null ? parameters : parameters.withTargetOffset(enrichOffset);
    }
}
