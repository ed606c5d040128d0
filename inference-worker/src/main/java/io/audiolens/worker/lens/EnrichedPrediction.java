package io.audiolens.worker.lens;

import io.audiolens.worker.model.api.Enrichment;

/** The answer after one enrichment: label probabilities at the last layer and the most likely label. */
public record EnrichedPrediction(Enrichment enrichment, float[] finalProbs, String prediction) {}
