package io.audiolens.aggregator.enrichment;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.EnrichmentKey;
import io.audiolens.schemas.PromptFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RQ5 for one model × attribute × prompt, per λ: accuracy with the chosen source layer, the random-source
 * baseline's mean and population standard deviation over seeds, and the gain relative to λ = 0
 * ({@code (acc_λ − acc_0) / acc_0}). Null where undefined (no test sample yet, no λ = 0, acc_0 = 0).
 */
public record EnrichmentMetrics(String model, String attribute, PromptFormat prompt, Integer sourceLayer,
        Integer targetLayer, long testSamples, long duplicates, List<Double> lambdas, List<Double> accuracy,
        List<Double> randomMean, List<Double> randomStd, List<Double> relativeGain, String notRequestedBecause) {

    /** From what the probe set decided (may be null) and the outcomes counted so far (may be null). */
    public static EnrichmentMetrics of(EnrichmentKey key, EnrichmentPlan plan, EnrichmentCounts counts,
            AggregationParameters parameters) {
        String refusal = plan instanceof EnrichmentPlan.Refused refused ? refused.reason() : null;
        if (counts != null) {
            return fromOutcomes(key, counts, refusal);
        }
        if (plan instanceof EnrichmentPlan.Requested requested) {
            List<Double> none = Collections.nCopies(parameters.lambdas().size(), null);
            return new EnrichmentMetrics(key.model(), key.attribute(), key.prompt(), requested.sourceLayer(),
                    requested.targetLayer(), 0, 0, parameters.lambdas(), none, none, none, none, null);
        }
        EnrichmentPlan.Refused refused = (EnrichmentPlan.Refused) plan;
        return new EnrichmentMetrics(key.model(), key.attribute(), key.prompt(), refused.sourceLayer(),
                refused.targetLayer(), 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), refusal);
    }

    private static EnrichmentMetrics fromOutcomes(EnrichmentKey key, EnrichmentCounts counts, String refusal) {
        int lambdaCount = counts.lambdas().size();
        long n = counts.testSamples();
        int seeds = counts.seeds();
        int baseline = counts.lambdas().indexOf(0.0);
        List<Double> accuracy = new ArrayList<>(lambdaCount);
        List<Double> randomMean = new ArrayList<>(lambdaCount);
        List<Double> randomStd = new ArrayList<>(lambdaCount);
        List<Double> relativeGain = new ArrayList<>(lambdaCount);
        for (int i = 0; i < lambdaCount; i++) {
            accuracy.add(n == 0 ? null : (double) counts.correctAt(i) / n);
            // over seeds s with c_s correct: mean = Σc / (S n), std = sqrt(S Σc² − (Σc)²) / (S n), exact in integers
            long sum = 0;
            long sumOfSquares = 0;
            for (int s = 0; s < seeds; s++) {
                long c = counts.randomCorrectAt(s, i);
                sum += c;
                sumOfSquares += c * c;
            }
            boolean defined = n > 0 && seeds > 0;
            randomMean.add(defined ? (double) sum / ((double) seeds * n) : null);
            randomStd.add(defined ? Math.sqrt((double) (seeds * sumOfSquares - sum * sum)) / ((double) seeds * n) : null);
            boolean gainDefined = n > 0 && baseline >= 0 && counts.correctAt(baseline) > 0;
            relativeGain.add(gainDefined ? (double) (counts.correctAt(i) - counts.correctAt(baseline))
                    / counts.correctAt(baseline) : null);
        }
        return new EnrichmentMetrics(key.model(), key.attribute(), key.prompt(), counts.sourceLayer(),
                counts.targetLayer(), n, counts.duplicates(), counts.lambdas(), accuracy, randomMean, randomStd,
                relativeGain, refusal);
    }
}
