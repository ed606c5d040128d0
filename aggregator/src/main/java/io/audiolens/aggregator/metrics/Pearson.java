package io.audiolens.aggregator.metrics;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/** Pearson's r with its two-sided p-value from Student's t with n − 2 degrees of freedom. */
public record Pearson(double r, double p) {

    /** Empty with fewer than 3 points (no degree of freedom left) or when x or y does not vary. */
    public static Optional<Pearson> of(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return Optional.empty();
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        if (!Double.isFinite(r)) {
            return Optional.empty();
        }
        if (Math.abs(r) >= 1) {
            return Optional.of(new Pearson(Math.signum(r), 0));
        }
        int degreesOfFreedom = n - 2;
        double t = r * Math.sqrt(degreesOfFreedom / (1 - r * r));
        double p = 2 * new TDistribution(degreesOfFreedom).cumulativeProbability(-Math.abs(t));
        return Optional.of(new Pearson(r, p));
    }
}
