package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.ReadingCounts;

/**
 * A window's distances to its baseline, from both sides' counts.
 *
 * @param answerMix Jensen–Shannon divergence of the answer distributions, in bits (0 to 1)
 * @param settleShift window mean settle layer minus the baseline's, in layers
 * @param agreement Σ_l |agreement_w(l) − agreement_b(l)| / L (0 to 1)
 */
public record Drift(double answerMix, double settleShift, double agreement, String baselineSource) {

    /** Both sides must have samples. */
    public static Drift between(ReadingCounts window, ReadingCounts baseline, String baselineSource) {
        Readings w = Readings.of(window);
        Readings b = Readings.of(baseline);
        double agreement = 0;
        for (int l = 0; l < window.layers(); l++) {
            agreement += Math.abs(w.agreement().get(l) - b.agreement().get(l));
        }
        return new Drift(jensenShannonBits(window.answers(), baseline.answers()),
                w.meanSettleLayer() - b.meanSettleLayer(), agreement / window.layers(), baselineSource);
    }

    /** JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M) with M = (P + Q) / 2, log base 2, for two count vectors. */
    static double jensenShannonBits(long[] p, long[] q) {
        double np = total(p);
        double nq = total(q);
        double divergence = 0;
        for (int y = 0; y < p.length; y++) {
            double pp = p[y] / np;
            double qq = q[y] / nq;
            double m = (pp + qq) / 2;
            divergence += half(pp, m) + half(qq, m);
        }
        return Math.max(0, Math.min(1, divergence));
    }

    private static double half(double x, double m) {
        return x > 0 ? 0.5 * x * Math.log(x / m) / Math.log(2) : 0;
    }

    private static double total(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }
}
