package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The residual rows one prompt sends through the lens, by what they are: for each view, h^l at layers
 * 1..L; for each enrichment, its h^L. All are read in one matmul and handed back by the same names.
 * D width.
 */
final class LensRows {
    private final int layers;
    private final Map<View, Integer> viewStart = new EnumMap<>(View.class);
    private final List<Integer> enrichedRow = new ArrayList<>();
    private final NDList rows = new NDList();

    LensRows(int layers) {
        this.layers = layers;
    }

    /** A view's residuals h^l (D), l = 1..L. */
    LensRows view(View view, IntFunction<NDArray> residualAtLayer) {
        viewStart.put(view, rows.size());
        for (int l = 1; l <= layers; l++) {
            rows.add(residualAtLayer.apply(l));
        }
        return this;
    }

    /** An enrichment's final residual h^L (D), in the caller's enrichment order. */
    LensRows enriched(NDArray finalResidual) {
        enrichedRow.add(rows.size());
        rows.add(finalResidual);
        return this;
    }

    Readings read(LogitLens lens) {
        float[][] probs = lens.labelProbabilities(NDArrays.stack(rows));
        Map<View, float[][]> views = new EnumMap<>(View.class);
        viewStart.forEach((view, start) -> views.put(view, Arrays.copyOfRange(probs, start, start + layers)));
        return new Readings(views, enrichedRow.stream().map(row -> probs[row]).toList());
    }

    /** Label probabilities per view ([L][Y]) and per enrichment (the final layer's [Y]). */
    record Readings(Map<View, float[][]> views, List<float[]> enriched) {}
}
