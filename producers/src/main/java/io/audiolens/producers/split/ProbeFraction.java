package io.audiolens.producers.split;

import io.audiolens.schemas.Split;

/**
 * For an unbounded stream (a watched folder), where "the N smallest hashes" is never final: a clip is
 * PROBE when its {@link IdHash#fraction} is below {@code fraction}, else TEST. Deterministic per id, so
 * a re-sent clip keeps its split; about {@code fraction} of the clips end up PROBE.
 */
public final class ProbeFraction implements SplitPolicy {

    /** SAKURA's proportion: 100 probe clips of 500. */
    public static final double DEFAULT_FRACTION = 0.2;

    private final double fraction;

    public ProbeFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("probe fraction must be within [0, 1], got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public Split assign(String sampleId, String attribute) {
        return IdHash.fraction(sampleId) < fraction ? Split.PROBE : Split.TEST;
    }
}
