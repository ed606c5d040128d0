package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.View;
import java.util.ArrayList;
import java.util.List;

/** One {@link LayerProjection} per view of a lens report, carrying the sample's identity and label. */
final class ProjectionBuilder {
    private ProjectionBuilder() {}

    static List<LayerProjection> build(AudioSample sample, LensReport report, List<View> views) {
        List<LayerProjection> out = new ArrayList<>();
        for (View view : views) {
            out.add(LayerProjection.newBuilder()
                    .setSampleId(sample.getSampleId())
                    .setModel(report.model())
                    .setAttribute(report.attribute())
                    .setPrompt(io.audiolens.schemas.PromptFormat.valueOf(report.prompt()))
                    .setView(io.audiolens.schemas.View.valueOf(view.name()))
                    .setSplit(sample.getSplit())
                    .setLabel(sample.getLabel())
                    .setLabels(report.labels())
                    .setLayerProbs(asDoubles(report.view(view)))
                    .setModelPrediction(report.prediction())
                    .setLayers(report.layers())
                    .build());
        }
        return out;
    }

    /** Group key: {@code model|attribute|prompt|view}, as the aggregator partitions and counts. */
    static String groupKey(LayerProjection p) {
        return p.getModel() + "|" + p.getAttribute() + "|" + p.getPrompt() + "|" + p.getView().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<List<Double>> asDoubles(float[][] probs) {
        List<List<Double>> rows = new ArrayList<>(probs.length);
        for (float[] layer : probs) {
            List<Double> row = new ArrayList<>(layer.length);
            for (float p : layer) {
                row.add((double) p);
            }
            rows.add(row);
        }
        return rows;
    }
}
