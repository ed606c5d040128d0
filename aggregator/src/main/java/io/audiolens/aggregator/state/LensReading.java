package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
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

    public static LensReading of(LayerProjection projection) {
        return of(projection.getLayerProbs(), LensReadout.argmaxPerLayer(projection.getLayerProbs()));
    }

    static LensReading of(List<List<Double>> layerProbs, int[] readout) {
        int layers = readout.length;
        int answer = readout[layers - 1];
        int settle = layers;
        while (settle > 1 && readout[settle - 2] == answer) {
            settle--;
        }
        long[] entropy = new long[layers];
        for (int l = 0; l < layers; l++) {
            entropy[l] = Math.round(normalisedEntropy(renormalised(layerProbs.get(l))) * MICROS);
        }
        return new LensReading(answer, readout, settle, Math.round(margin(renormalised(layerProbs.get(layers - 1)), answer)
                * MICROS), entropy);
    }

    /** The labels' probabilities scaled to sum to 1; uniform when they are all 0 (underflow). */
    private static double[] renormalised(List<Double> probs) {
        double sum = 0;
        for (double p : probs) {
            sum += p;
        }
        double[] q = new double[probs.size()];
        for (int y = 0; y < q.length; y++) {
            q[y] = sum > 0 ? probs.get(y) / sum : 1.0 / q.length;
        }
        return q;
    }

    private static double normalisedEntropy(double[] q) {
        double entropy = 0;
        for (double p : q) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.min(1.0, entropy / Math.log(q.length));
    }

    private static double margin(double[] q, int answer) {
        double runnerUp = 0;
        for (int y = 0; y < q.length; y++) {
            if (y != answer) {
                runnerUp = Math.max(runnerUp, q[y]);
            }
        }
        return q[answer] - runnerUp;
    }
}
