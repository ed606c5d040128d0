package io.audiolens.worker.model.api;

import java.util.List;

/**
 * The rows of a last-token batch beside the plain prompt: the audio-masked row (the last token's
 * attention cannot see the audio positions in any layer) and one row per enrichment.
 */
public record LastTokenVariants(boolean audioMasked, List<Enrichment> enrichments) {

    public LastTokenVariants {
        enrichments = List.copyOf(enrichments);
    }

    public static LastTokenVariants of(boolean audioMasked, List<Enrichment> enrichments) {
        return new LastTokenVariants(audioMasked, enrichments);
    }
}
