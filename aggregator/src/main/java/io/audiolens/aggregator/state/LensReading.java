package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.wire.ProbabilityRows;
import java.util.List;

/**
 * What needs no label in one projection: the model's answer (the lens argmax at layer L), which layers
 * already read it, the settle layer (the first layer from which every layer through L reads it), the
 * answer's margin at layer L and the label entropy of every layer. Probabilities are renormalised over
 * the labels (they are full-vocabulary probabilities of the labels' first tokens); margin and entropies
 * are kept in integer millionths so that sums of them are exact and order-free.
 *
 * @param answer label index of the final answer
 * @param readout (L): label index the lens reads at each layer
 * @param settleLayer 1-based
 * @param marginMicros answer probability minus the runner-up's at layer L, in millionths
 * @param entropyMicros (L): entropy / log |Y| (0 certain, 1 uniform), in millionths
 */
public record LensReading(int answer, int[] readout, int settleLayer, long marginMicros, long[] entropyMicros) {

    static final double MICROS = 1_000_000.0;

    /** The last projection read on this thread and its reading: the counting and the monitor read each projection. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * The reading of {@code projection}. A projection is read by the counting and then by the monitor, on one
     * stream thread: the second read of the same object (identity, not equality) returns the first's reading.
     */
    public static LensReading of(LayerProjection projection) {
        Object[] last = LAST.get();
        if (last[0] == projection) {
            return (LensReading) last[1];
        }
        LensReading reading = of(projection.getLayerProbs());
        last[0] = projection;
        last[1] = reading;
        return reading;
    }

    /**
     * One scratch row for all rows (no array per row: this runs for every record), and per row one loop for the
     * argmax and the sum and one for the entropy, each probability renormalised where it is used; every value is
     * computed by the same operations in the same order as row by row with fresh arrays would, so readings are bit
     * for bit what they were ({@code LensReadingTest} holds them to that longhand).
     */
    static LensReading of(List<List<Double>> layerProbs) {
        int layers = layerProbs.size();
        int[] readout = new int[layers];
        long[] entropy = new long[layers];
        double[] row = new double[0];
        double logLabels = 0;
        double sum = 0;
        for (int l = 0; l < layers; l++) {
            List<Double> probs = layerProbs.get(l);
            if (probs.size() != row.length) { // once: a counted projection's rows all have one entry per label
                row = new double[probs.size()];
                logLabels = Math.log(probs.size());
            }
            ProbabilityRows.unboxInto(probs, row);
            // the argmax (the lowest index on ties) and the sum, in label order
            int best = 0;
            sum = 0;
            for (int y = 0; y < row.length; y++) {
                sum += row[y];
                if (row[y] > row[best]) {
                    best = y;
                }
            }
            readout[l] = best;
            entropy[l] = Math.round(normalisedEntropy(row, sum, logLabels) * MICROS);
        }
        int answer = readout[layers - 1];
        int settle = layers;
        while (settle > 1 && readout[settle - 2] == answer) {
            settle--;
        }
        return new LensReading(answer, readout, settle, Math.round(margin(row, sum, answer) * MICROS), entropy);
    }

    /**
     * A label's probability scaled over the labels' {@code sum}: the labels' probabilities then sum to 1; uniform when
     * they are all 0 (underflow).
     */
    private static double renormalised(double[] probs, double sum, int y) {
        return sum > 0 ? probs[y] / sum : 1.0 / probs.length;
    }

    /** Entropy of the renormalised row over {@code log |Y|} ({@code logLabels}), at most 1. */
    private static double normalisedEntropy(double[] probs, double sum, double logLabels) {
        double entropy = 0;
        for (int y = 0; y < probs.length; y++) {
            double p = renormalised(probs, sum, y);
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.min(1.0, entropy / logLabels);
    }

    /** The answer's renormalised probability minus the runner-up's, in the row of the last layer. */
    private static double margin(double[] probs, double sum, int answer) {
        double runnerUp = 0;
        for (int y = 0; y < probs.length; y++) {
            if (y != answer) {
                runnerUp = Math.max(runnerUp, renormalised(probs, sum, y));
            }
        }
        return renormalised(probs, sum, answer) - runnerUp;
    }
}
