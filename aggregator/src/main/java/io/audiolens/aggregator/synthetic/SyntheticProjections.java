package io.audiolens.aggregator.synthetic;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.attributes.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lens-like projections, reproducible from a seed, for tests, benchmarks and demos without a model:
 * deeper layers read the true label more often, a fifth of each group is PROBE, every 17th sample is
 * unlabelled, and about one in 50 projections comes twice (as after a worker's retry).
 */
public final class SyntheticProjections {

    private SyntheticProjections() {
    }

    public static List<LayerProjection> generate(String model, List<Attribute> attributes, int samplesPerGroup,
            int layers, long seed) {
        Random random = new Random(seed);
        List<LayerProjection> projections = new ArrayList<>();
        for (int n = 0; n < samplesPerGroup; n++) {
            for (Attribute attribute : attributes) {
                for (PromptFormat prompt : PromptFormat.values()) {
                    for (View view : View.values()) {
                        LayerProjection projection = projection(random, model, attribute, prompt, view, n, layers);
                        projections.add(projection);
                        if (random.nextInt(50) == 0) {
                            projections.add(projection);
                        }
                    }
                }
            }
        }
        return projections;
    }

    private static LayerProjection projection(Random random, String model, Attribute attribute, PromptFormat prompt,
            View view, int n, int layers) {
        List<String> labels = attribute.labels();
        int truth = random.nextInt(labels.size());
        List<List<Double>> probs = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            boolean readsTruth = random.nextDouble() < 0.2 + 0.7 * l / layers;
            int read = readsTruth ? truth : random.nextInt(labels.size());
            List<Double> row = new ArrayList<>(labels.size());
            for (int y = 0; y < labels.size(); y++) {
                row.add(y == read ? 0.5 + 0.1 * random.nextDouble() : 0.4 * random.nextDouble() / labels.size());
            }
            probs.add(row);
        }
        boolean unlabelled = n % 17 == 16;
        int predicted = random.nextDouble() < 0.7 ? truth : random.nextInt(labels.size());
        return LayerProjection.newBuilder()
                .setSampleId("sample-" + n).setModel(model).setAttribute(attribute.name()).setPrompt(prompt)
                .setView(view)
                .setSplit(unlabelled ? Split.UNLABELLED : n % 5 == 0 ? Split.PROBE : Split.TEST)
                .setLabel(unlabelled ? null : labels.get(truth)).setLabels(labels).setLayerProbs(probs)
                .setModelPrediction(labels.get(predicted)).setLayers(layers)
                .build();
    }
}
