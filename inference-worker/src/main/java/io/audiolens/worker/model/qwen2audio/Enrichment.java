package io.audiolens.worker.model.qwen2audio;

/**
 * Eq. 5 of AudioLens at the last token: {@code h^{target} += λ · h^{source}}, then the remaining layers
 * run. Layers are 1-based ({@code h^l} is the output of decoder layer l).
 */
public record Enrichment(int sourceLayer, int targetLayer, double lambda) {

    /** The paper's distance between source and target layer. */
    public static final int PAPER_OFFSET = 5;

    public Enrichment {
        if (sourceLayer < 1 || targetLayer <= sourceLayer) {
            throw new IllegalArgumentException("enrichment needs 1 <= source layer < target layer, got source "
                    + sourceLayer + ", target " + targetLayer);
        }
    }

    public static Enrichment paper(int sourceLayer, double lambda) {
        return new Enrichment(sourceLayer, sourceLayer + PAPER_OFFSET, lambda);
    }

    void checkFits(int layers) {
        if (targetLayer > layers) {
            throw new IllegalArgumentException("enrichment target layer " + targetLayer + " (source " + sourceLayer
                    + " + " + (targetLayer - sourceLayer) + ") is beyond the model's " + layers
                    + " layers; choose a source layer <= " + (layers - (targetLayer - sourceLayer)));
        }
    }
}
