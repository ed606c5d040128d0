package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.worker.model.api.training.TinyShape;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.qwen2audio.AudioEncoderConfig;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;

/**
 * The shape of a small Qwen2-Audio: Whisper-style encoder (128 mels, 1500 positions so that HF's
 * processor output fits) and a Qwen2 decoder with an untied LM head, as the released model has.
 */
record TinyArchitecture(int encoderLayers, int encoderWidth, int encoderHeads, int encoderFfnWidth,
        int decoderLayers, int width, int heads, int kvHeads, int ffnWidth) {

    static final TinyArchitecture DEFAULT = new TinyArchitecture(2, 96, 4, 256, 8, 96, 4, 2, 256);
    private static final int MEL_BINS = 128;
    private static final int SOURCE_POSITIONS = 1500;
    private static final double ROPE_THETA = 10_000;

    /**
     * A model of {@code shape} with {@link #DEFAULT}'s heads and key/value heads, and its feed-forward widths
     * scaled with the encoder's and the decoder's width.
     */
    static TinyArchitecture of(TinyShape shape) {
        TinyArchitecture d = DEFAULT;
        return new TinyArchitecture(shape.encoderLayers(), shape.encoderWidth(), d.encoderHeads,
                d.encoderFfnWidth * shape.encoderWidth() / d.encoderWidth, shape.decoderLayers(), shape.width(), d.heads,
                d.kvHeads, d.ffnWidth * shape.width() / d.width);
    }

    /** The depths and widths: what {@link TinyShape} says of this model. */
    TinyShape shape() {
        return new TinyShape(encoderLayers, encoderWidth, decoderLayers, width);
    }

    /** The config.json for a tokenizer of {@code vocabSize} ids whose {@code <|AUDIO|>} is {@code audioTokenId}. */
    public Qwen2AudioConfig config(int vocabSize, int audioTokenId) {
        return new Qwen2AudioConfig(
                new AudioEncoderConfig(MEL_BINS, encoderLayers, encoderHeads, encoderWidth, encoderFfnWidth,
                        SOURCE_POSITIONS, "gelu"),
                new DecoderConfig("text_config.", vocabSize, width, ffnWidth, decoderLayers, heads, kvHeads,
                        width / heads, 1e-6, ROPE_THETA, false),
                audioTokenId);
    }
}
