package io.audiolens.app.options;

import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** {@code --enrich-offset K}: k of the enrichment target ℓ̄ + k, for every command that enriches. */
public final class EnrichOffsetOption {
    @Option(names = "--enrich-offset", paramLabel = "K", description = "enrich h^(ℓ̄+K) with h^ℓ̄ (default: the paper's "
            + "5 scaled to the model's depth, round(5·L/32) and at least 1: 5 on 32 layers, 1 on 8)")
    Integer k;

    /** The given K, checked; empty when not given (the paper's 5 scaled to the model's depth). */
    public OptionalInt value() {
        if (k == null) {
            return OptionalInt.empty();
        }
        if (k < 1) {
            throw new IllegalArgumentException("--enrich-offset must be at least 1, got " + k);
        }
        return OptionalInt.of(k);
    }
}
