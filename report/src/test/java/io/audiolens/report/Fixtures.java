package io.audiolens.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written metrics files under src/test/resources/fixtures. */
final class Fixtures {
    /** One model, gender and emotion × P1–P3 × three views, L = 8, one enrichment entry, emotion P2 without ℓ*. */
    static final String FULL = "metrics.json";
    /** One model with one attribute: a group without samples, nulls, upper-case views, points as lists. */
    static final String SPARSE = "sparse-metrics.json";

    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
