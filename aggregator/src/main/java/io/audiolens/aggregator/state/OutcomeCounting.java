package io.audiolens.aggregator.state;

import io.audiolens.schemas.EnrichmentOutcome;
import java.util.List;
import java.util.Optional;

/** Enrichment outcomes counted per model × attribute × prompt, each test sample once. */
public final class OutcomeCounting implements Counting<EnrichmentOutcome, EnrichmentCounts> {

    @Override
    public String key(EnrichmentOutcome outcome) {
        return EnrichmentKey.of(outcome).asKey();
    }

    @Override
    public String sampleId(EnrichmentOutcome outcome) {
        return outcome.getSampleId();
    }

    @Override
    public Optional<String> problem(EnrichmentOutcome o, EnrichmentCounts current) {
        return Keys.problemWithPart("model", o.getModel())
                .or(() -> Keys.problemWithPart("attribute", o.getAttribute()))
                .or(() -> o.getSampleId().isBlank() ? Optional.of("sampleId is blank") : Optional.empty())
                .or(() -> shapeProblem(o))
                .or(() -> current == null ? Optional.empty() : requestProblem(o, current));
    }

    private static Optional<String> shapeProblem(EnrichmentOutcome o) {
        int lambdas = o.getLambdas().size();
        if (lambdas == 0 || o.getPredictions().size() != lambdas) {
            return Optional.of("predictions has " + o.getPredictions().size() + " entries for " + lambdas
                    + " lambdas; there must be one prediction per lambda (and at least one lambda)");
        }
        if (o.getRandomSourceLayers().size() != o.getRandomPredictions().size()) {
            return Optional.of("randomPredictions has " + o.getRandomPredictions().size() + " seeds but "
                    + "randomSourceLayers has " + o.getRandomSourceLayers().size());
        }
        for (List<String> seed : o.getRandomPredictions()) {
            if (seed.size() != lambdas) {
                return Optional.of("a seed of randomPredictions has " + seed.size() + " entries for " + lambdas
                        + " lambdas");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> requestProblem(EnrichmentOutcome o, EnrichmentCounts current) {
        if (o.getSourceLayer() != current.sourceLayer() || o.getTargetLayer() != current.targetLayer()
                || !o.getLambdas().equals(current.lambdas()) || o.getRandomPredictions().size() != current.seeds()) {
            return Optional.of("source layer " + o.getSourceLayer() + ", target " + o.getTargetLayer() + ", lambdas "
                    + o.getLambdas() + " and " + o.getRandomPredictions().size() + " seeds differ from the earlier"
                    + " outcomes' " + current.sourceLayer() + ", " + current.targetLayer() + ", "
                    + current.lambdas() + " and " + current.seeds() + "; one request must be answered alike");
        }
        return Optional.empty();
    }

    @Override
    public EnrichmentCounts empty(EnrichmentOutcome first) {
        return EnrichmentCounts.empty(first);
    }

    @Override
    public boolean add(EnrichmentCounts counts, EnrichmentOutcome outcome) {
        counts.add(outcome);
        return false;
    }

    @Override
    public void countDuplicate(EnrichmentCounts counts) {
        counts.countDuplicate();
    }
}
