package io.audiolens.aggregator.state;

import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.PromptFormat;
import java.util.Comparator;

/** Model × attribute × prompt format: what one enrichment request and its outcomes are about. */
public record EnrichmentKey(String model, String attribute, PromptFormat prompt) implements Comparable<EnrichmentKey> {

    private static final Comparator<EnrichmentKey> ORDER = Comparator.comparing(EnrichmentKey::model)
            .thenComparing(EnrichmentKey::attribute).thenComparing(EnrichmentKey::prompt);

    public static EnrichmentKey of(EnrichmentOutcome outcome) {
        return new EnrichmentKey(outcome.getModel(), outcome.getAttribute(), outcome.getPrompt());
    }

    /** The Kafka key of requests, outcomes and enrichment snapshots, {@code model|attribute|prompt}. */
    public String asKey() {
        return Keys.join(model, attribute, prompt.name());
    }

    @Override
    public int compareTo(EnrichmentKey other) {
        return ORDER.compare(this, other);
    }
}
