package io.audiolens.report.metrics;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RQ5 for one model × attribute × prompt: per λ (same index in every list, all lists as long as
 * {@code lambdas}, null where undefined) the accuracy with the probe's source layer, the random-source
 * baseline's mean and standard deviation, and the gain relative to λ = 0.
 *
 * @param notRequestedBecause why the aggregator did not ask for enrichment, or null
 */
public record Enrichment(String model, String attribute, String prompt, Integer sourceLayer, Integer targetLayer,
        long testSamples, List<Double> lambdas, List<Double> accuracy, List<Double> randomMean,
        List<Double> randomStd, List<Double> relativeGain, String notRequestedBecause) {

    /** True when at least one λ has a measured accuracy: there is something to plot. */
    public boolean hasOutcomes() {
        return !lambdas.isEmpty() && accuracy.stream().anyMatch(a -> a != null);
    }

    /** Accuracy without enrichment (λ = 0), if measured. */
    public Optional<Double> baselineAccuracy() {
        int zero = lambdas.indexOf(0.0);
        return zero < 0 ? Optional.empty() : Optional.ofNullable(accuracy.get(zero));
    }

    /** The index of the λ with the largest relative gain, if any gain is defined. */
    public OptionalInt bestGain() {
        int best = -1;
        for (int i = 0; i < relativeGain.size(); i++) {
            if (relativeGain.get(i) != null && (best < 0 || relativeGain.get(i) > relativeGain.get(best))) {
                best = i;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
