package io.audiolens.aggregator.state;

import java.util.List;

/** The label index each layer's lens reads off a projection: argmax over labels, the lowest index on ties. */
final class LensReadout {

    private LensReadout() {
    }

    /** {@code layerProbs} (L, Y) → (L) label indices. */
    static int[] argmaxPerLayer(List<List<Double>> layerProbs) {
        int[] readout = new int[layerProbs.size()];
        for (int l = 0; l < readout.length; l++) {
            readout[l] = argmax(layerProbs.get(l));
        }
        return readout;
    }

    private static int argmax(List<Double> probs) {
        int best = 0;
        for (int y = 1; y < probs.size(); y++) {
            if (probs.get(y) > probs.get(best)) {
                best = y;
            }
        }
        return best;
    }
}
