package io.audiolens.schemas.enrichment;

/**
 * How far above its source layer ℓ̄ enrichment adds the source residual (RQ5, Eq. 5:
 * {@code h^{ℓ̄+k} += λ·h^{ℓ̄}}). The paper uses k = 5 on decoders of 32 layers (all three of its models);
 * by default we keep that share of the depth, {@code round(5·L/32)} (halves round up) and at least 1: 5
 * for the paper's models, 3 for 16 layers, 1 for 8, where ℓ̄ + 5 would mostly lie beyond the last layer.
 * Users can fix k.
 */
public final class TargetOffset {
    /** The paper's k. */
    public static final int PAPER = 5;
    /** The depth of the paper's decoders. */
    public static final int PAPER_LAYERS = 32;

    private TargetOffset() {}

    /** k for a decoder of {@code layers} layers: the paper's share of the depth. */
    public static int forDepth(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("a decoder has at least 1 layer, got " + layers);
        }
        return Math.max(1, Math.round((float) PAPER * layers / PAPER_LAYERS));
    }
}
