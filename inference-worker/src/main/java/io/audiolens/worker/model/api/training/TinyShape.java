package io.audiolens.worker.model.api.training;

/**
 * The size of a tiny model to train: the audio encoder's and the decoder's depth and width. The family
 * fills in the rest (heads, feed-forward widths). Not {@link io.audiolens.worker.model.api.ModelShape}:
 * the benchmarks' random models have 64-wide heads and one width for encoder and decoder, while a tiny
 * model is narrower than one such head is wide (the bundled one: 96 wide, 4 heads) and its encoder may be
 * narrower than its decoder.
 */
public record TinyShape(int encoderLayers, int encoderWidth, int decoderLayers, int width) {

    public TinyShape {
        if (encoderLayers < 1 || encoderWidth < 1 || decoderLayers < 1 || width < 1) {
            throw new IllegalArgumentException("a tiny model needs at least one encoder and one decoder layer and "
                    + "positive widths, got " + encoderLayers + " encoder layers of width " + encoderWidth + ", "
                    + decoderLayers + " decoder layers of width " + width);
        }
    }
}
