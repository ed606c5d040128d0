package io.audiolens.aggregator;

import io.audiolens.schemas.enrichment.TargetOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The method's knobs, shared by the Streams app and the offline aggregation.
 *
 * @param probeSize labelled PROBE samples per group that form its probe set (paper: 100)
 * @param alpha the critical layer's margin over chance, Eq. 3 (paper: 0.2)
 * @param lambdas the enrichment strengths to request (paper: 0, 0.25, …, 3)
 * @param seeds one random-source-layer baseline per seed (paper: 5)
 * @param fixedTargetOffset k where enrichment adds h^ℓ̄ to h^(ℓ̄ + k); empty: the paper's 5 scaled to the
 *     model's depth ({@link TargetOffset#forDepth}), which is 5 for the paper's 32-layer models
 */
public record AggregationParameters(int probeSize, double alpha, List<Double> lambdas, List<Long> seeds,
        OptionalInt fixedTargetOffset) {

    public AggregationParameters {
        if (probeSize < 1) {
            throw new IllegalArgumentException("probe size must be at least 1, got " + probeSize);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        if (lambdas.isEmpty() || lambdas.stream().anyMatch(lambda -> !Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambdas must be finite and not empty, got " + lambdas);
        }
        if (fixedTargetOffset.isPresent() && fixedTargetOffset.getAsInt() < 1) {
            throw new IllegalArgumentException("target offset must be at least 1, got " + fixedTargetOffset.getAsInt());
        }
        lambdas = List.copyOf(lambdas);
        seeds = List.copyOf(seeds);
    }

    /**
     * The paper's: probe 100, α 0.2, λ ∈ {0, 0.25, …, 3}, seeds 0–4, target ℓ̄ + 5 on 32 layers (ℓ̄ + k
     * with k scaled to the model's depth on others).
     */
    public static AggregationParameters defaults() {
        return new AggregationParameters(100, 0.2, IntStream.rangeClosed(0, 12).mapToObj(i -> i * 0.25).toList(),
                LongStream.range(0, 5).boxed().toList(), OptionalInt.empty());
    }

    /** k of the target layer ℓ̄ + k for a model of {@code layers} decoder layers. */
    public int targetOffset(int layers) {
        return fixedTargetOffset.isPresent() ? fixedTargetOffset.getAsInt() : TargetOffset.forDepth(layers);
    }

    public AggregationParameters withProbeSize(int size) {
        return new AggregationParameters(size, alpha, lambdas, seeds, fixedTargetOffset);
    }

    public AggregationParameters withAlpha(double a) {
        return new AggregationParameters(probeSize, a, lambdas, seeds, fixedTargetOffset);
    }

    /** Every model's target layer is ℓ̄ + {@code k}, whatever its depth. */
    public AggregationParameters withTargetOffset(int k) {
        return withTargetOffset(OptionalInt.of(k));
    }

    /** ℓ̄ + {@code k} if given, else the paper's 5 scaled to each model's depth. */
    public AggregationParameters withTargetOffset(OptionalInt k) {
        return new AggregationParameters(probeSize, alpha, lambdas, seeds, k);
    }
}
