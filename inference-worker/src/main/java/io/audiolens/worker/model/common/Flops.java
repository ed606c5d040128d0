package io.audiolens.worker.model.common;

/** Multiply-adds ×2 of a forward pass, counted from the shapes (matmuls, convolutions, attention). */
public final class Flops {
    private Flops() {}

    /** A decoder pass over T tokens (projections, causal attention) plus the last token's logits. */
    public static double decoder(DecoderConfig c, int tokens) {
        double q = (double) c.heads() * c.headSize();
        double kv = (double) c.kvHeads() * c.headSize();
        double perToken = 2.0 * (c.width() * q + 2 * c.width() * kv + q * c.width() + 3.0 * c.width() * c.ffnWidth());
        double attention = 4.0 * q * tokens * (tokens + 1) / 2.0; // causal: token i attends to i+1 positions
        return c.layers() * (tokens * perToken + attention) + 2.0 * c.width() * c.vocabSize();
    }

    /**
     * A Whisper-style encoder: conv1 over {@code frames} mel frames, conv2 to N positions, then layers of
     * width A with an ffn of F (every position attends to every other).
     */
    public static double whisperEncoder(int width, int ffnWidth, int layers, int melBins, int frames, int positions) {
        double a = width;
        double n = positions;
        return 2.0 * a * melBins * 3 * frames                                   // conv1
                + 2.0 * a * a * 3 * n                                           // conv2
                + layers * n * (2.0 * (4.0 * a * a + 2.0 * a * ffnWidth) + 4.0 * n * a); // projections + attention
    }
}
