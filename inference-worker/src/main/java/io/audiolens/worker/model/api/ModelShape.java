package io.audiolens.worker.model.api;

/**
 * The size of a random-weight model for benchmarks: decoder width and depth, and the audio encoder's
 * depth (its width is the decoder's). Heads are 64 wide; the families fill in the rest.
 */
public record ModelShape(int width, int decoderLayers, int encoderLayers) {

    public ModelShape {
        if (width < 64 || width % 64 != 0 || decoderLayers < 1 || encoderLayers < 1) {
            throw new IllegalArgumentException("model shape needs a width that is a multiple of 64 and at least one "
                    + "decoder and encoder layer, got width " + width + ", " + decoderLayers + " decoder layers, "
                    + encoderLayers + " encoder layers");
        }
    }

    public int heads() {
        return width / 64;
    }
}
