package io.audiolens.worker.model.api;

/**
 * Eq. 5 of AudioLens at the last token: {@code h^{target} += λ · h^{source}}, then the remaining layers
 * run. Layers are 1-based ({@code h^l} is the output of decoder layer l).
 */
public record Enrichment(int sourceLayer, int targetLayer, double lambda) {

    public Enrichment {
        if (sourceLayer < 1 || targetLayer <= sourceLayer) {
            throw new IllegalArgumentException("enrichment needs 1 <= source layer < target layer, got source "
                    + sourceLayer + ", target " + targetLayer);
        }
    }

    /** Adds h^{source} to h^{source + targetOffset} (the paper: offset 5, on 32 layers). */
    public static Enrichment above(int sourceLayer, int targetOffset, double lambda) {
        return new Enrichment(sourceLayer, sourceLayer + targetOffset, lambda);
    }

    public void checkFits(int layers) {
        if (targetLayer > layers) {
            throw new IllegalArgumentException("enrichment target layer " + targetLayer + " (source " + sourceLayer
                    + " + " + (targetLayer - sourceLayer) + ") is beyond the model's " + layers
                    + " layers; choose a source layer <= " + (layers - (targetLayer - sourceLayer)));
        }
    }
}
