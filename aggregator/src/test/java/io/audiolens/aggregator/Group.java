package io.audiolens.aggregator;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.util.ArrayList;
import java.util.List;

/**
 * A test group with one-letter labels, whose projections are written as readouts: {@code "baac"} means the
 * lens reads label b at layer 1, a at layers 2–3 and c at layer 4 (L = 4). The readout label gets
 * probability 0.5, every other label shares the rest.
 */
public record Group(String model, String attribute, PromptFormat prompt, View view, List<String> labels) {

    public static Group of(String model, String attribute, PromptFormat prompt, View view, String... labels) {
        return new Group(model, attribute, prompt, view, List.of(labels));
    }

    /** The key, written out by hand: model|attribute|prompt|view in lower case. */
    public String key() {
        return model + "|" + attribute + "|" + prompt + "|" + view.name().toLowerCase(java.util.Locale.ROOT);
    }

    public LayerProjection labelled(String sampleId, Split split, String label, String prediction, String readout) {
        return projection(sampleId, split, label, prediction, readout);
    }

    public LayerProjection unlabelled(String sampleId, String prediction, String readout) {
        return projection(sampleId, Split.UNLABELLED, null, prediction, readout);
    }

    private LayerProjection projection(String sampleId, Split split, String label, String prediction, String readout) {
        List<List<Double>> probs = new ArrayList<>();
        for (char read : readout.toCharArray()) {
            List<Double> row = new ArrayList<>();
            for (String candidate : labels) {
                row.add(candidate.equals(String.valueOf(read)) ? 0.5 : 0.5 / (labels.size() - 1) * 0.9);
            }
            probs.add(row);
        }
        return LayerProjection.newBuilder()
                .setSampleId(sampleId).setModel(model).setAttribute(attribute).setPrompt(prompt).setView(view)
                .setSplit(split).setLabel(label).setLabels(labels).setLayerProbs(probs)
                .setModelPrediction(prediction).setLayers(readout.length())
                .build();
    }
}
