package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.RandomSourceLayer;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One enrichment request (RQ5) as the worker carries it out: for every labelled test sample of the
 * request's attribute, the λ grid at the probe set's critical layer ℓ̄ and, per seed, at a random source
 * layer drawn for that sample — all as rows of one last-token batch.
 */
record EnrichmentPlan(EnrichmentRequest request) {

    /**
     * Why {@code request} cannot be carried out on a model of {@code modelLayers} layers, if it cannot: the
     * aggregator only sends requests that fit the model it counted, so one that does not is corrupt or comes
     * from another model under the same name.
     */
    static Optional<String> problem(EnrichmentRequest request, int modelLayers) {
        int source = request.getSourceLayer();
        int target = request.getTargetLayer();
        if (request.getLayers() != modelLayers) {
            return Optional.of("it is for a model of " + request.getLayers() + " layers, but " + request.getModel()
                    + " here has " + modelLayers + "; two models share the name " + request.getModel()
                    + ": give their folders different names");
        }
        if (source < 1 || target <= source || target > modelLayers) {
            return Optional.of("source layer " + source + " and target layer " + target + " must satisfy 1 <= source <"
                    + " target <= " + modelLayers);
        }
        if (request.getLambdas().isEmpty() || request.getLambdas().stream().anyMatch(l -> !Double.isFinite(l))) {
            return Optional.of("its λ grid " + request.getLambdas() + " must hold at least one finite λ");
        }
        try {
            Attribute.named(request.getAttribute());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    String key() {
        return request.getModel() + "|" + request.getAttribute() + "|" + request.getPrompt();
    }

    PromptFormat prompt() {
        return PromptFormat.valueOf(request.getPrompt().name());
    }

    boolean covers(AudioSample sample) {
        return sample.getAttribute().equals(request.getAttribute()) && sample.getLabel() != null
                && sample.getSplit() == Split.TEST;
    }

    /** Rows: ℓ̄ with each λ, then for each seed its random source layer with each λ. */
    List<Enrichment> enrichments(String sampleId) {
        List<Enrichment> rows = new ArrayList<>();
        int offset = targetOffset();
        for (double lambda : request.getLambdas()) {
            rows.add(new Enrichment(request.getSourceLayer(), request.getTargetLayer(), lambda));
        }
        for (int source : randomSourceLayers(sampleId)) {
            for (double lambda : request.getLambdas()) {
                rows.add(new Enrichment(source, source + offset, lambda));
            }
        }
        return rows;
    }

    EnrichmentOutcome outcome(AudioSample sample, LensReport report) {
        int lambdas = request.getLambdas().size();
        List<String> predictions = new ArrayList<>();
        List<List<String>> random = new ArrayList<>();
        for (int i = 0; i < report.enrichment().size(); i++) {
            String prediction = report.enrichment().get(i).prediction();
            if (i < lambdas) {
                predictions.add(prediction);
            } else {
                if ((i - lambdas) % lambdas == 0) {
                    random.add(new ArrayList<>());
                }
                random.get(random.size() - 1).add(prediction);
            }
        }
        return EnrichmentOutcome.newBuilder()
                .setModel(request.getModel()).setAttribute(request.getAttribute()).setPrompt(request.getPrompt())
                .setSampleId(sample.getSampleId()).setLabel(sample.getLabel())
                .setSourceLayer(request.getSourceLayer()).setTargetLayer(request.getTargetLayer())
                .setLambdas(request.getLambdas()).setPredictions(predictions)
                .setRandomSourceLayers(randomSourceLayers(sample.getSampleId())).setRandomPredictions(random)
                .build();
    }

    private List<Integer> randomSourceLayers(String sampleId) {
        List<Integer> layers = new ArrayList<>();
        for (long seed : request.getRandomSeeds()) {
            layers.add(RandomSourceLayer.draw(seed, sampleId, request.getLayers(), targetOffset()));
        }
        return layers;
    }

    /** k of the request's target ℓ̄ + k, which every random source layer keeps too. */
    private int targetOffset() {
        return request.getTargetLayer() - request.getSourceLayer();
    }
}
