package io.audiolens.app.aggregate;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.app.options.EnrichOffsetOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The method's knobs as options, shared by the live aggregator and the offline aggregation. */
final class AggregationOptions {
    @Option(names = "--probe-size", defaultValue = "100", description = "probe samples per group (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--alpha", defaultValue = "0.2", description = "critical layer margin α (default: ${DEFAULT-VALUE})")
    double alpha;

    @Mixin
    EnrichOffsetOption enrichOffset;

    AggregationParameters parameters() {
        return AggregationParameters.defaults().withProbeSize(probeSize).withAlpha(alpha)
                .withTargetOffset(enrichOffset.value());
    }
}
