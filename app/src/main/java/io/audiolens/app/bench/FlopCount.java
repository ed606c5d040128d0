package io.audiolens.app.bench;

import io.audiolens.worker.model.qwen2audio.AudioEncoderConfig;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import io.audiolens.worker.model.qwen2audio.TextConfig;

/** Multiply-adds ×2 of one forward pass, counted from the config (matmuls, convolutions, attention). */
final class FlopCount {
    private FlopCount() {}

    static double forward(Qwen2AudioConfig config, int frames, int tokens) {
        AudioEncoderConfig a = config.audio();
        TextConfig t = config.text();
        double n = Qwen2AudioConfig.encoderPositions(frames);
        double encoder = 2.0 * a.width() * a.melBins() * 3 * (2 * n + 1)   // conv1
                + 2.0 * a.width() * a.width() * 3 * n                       // conv2
                + a.layers() * n * (2.0 * (4.0 * a.width() * a.width() + 2.0 * a.width() * a.ffnWidth())
                        + 4.0 * n * a.width())                              // projections + attention
                + 2.0 * a.width() * t.width() * Qwen2AudioConfig.audioTokens(frames); // projector
        double q = (double) t.heads() * t.headSize();
        double kv = (double) t.kvHeads() * t.headSize();
        double perToken = 2.0 * (t.width() * q + 2 * t.width() * kv + q * t.width() + 3.0 * t.width() * t.ffnWidth());
        double attention = 4.0 * q * tokens * (tokens + 1) / 2.0; // causal: token i attends to i+1 positions
        double decoder = t.layers() * (tokens * perToken + attention);
        double head = 2.0 * t.width() * t.vocabSize();             // the last token's logits
        return encoder + decoder + head;
    }
}
