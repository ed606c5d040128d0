package io.audiolens.aggregator.metrics;

import java.util.List;

/** Eq. 3–4: {@code s_l = max(0, I^l − (1+α)/|Y|)}, {@code ℓ* = Σ s_l · l / Σ s_l} with 1-based layers. */
public final class CriticalLayer {

    private CriticalLayer() {
    }

    /** The critical layer, or null when a score is undefined or every contribution {@code s_l} is 0. */
    public static Double of(List<Double> infoScore, int labelCount, double alpha) {
        double threshold = (1 + alpha) / labelCount;
        double weightedLayers = 0;
        double total = 0;
        for (int l = 0; l < infoScore.size(); l++) {
            Double score = infoScore.get(l);
            if (score == null) {
                return null;
            }
            double contribution = Math.max(0, score - threshold);
            weightedLayers += contribution * (l + 1);
            total += contribution;
        }
        return total == 0 ? null : weightedLayers / total;
    }
}
