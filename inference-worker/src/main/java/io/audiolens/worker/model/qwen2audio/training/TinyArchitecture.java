package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.worker.model.qwen2audio.AudioEncoderConfig;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import io.audiolens.worker.model.common.DecoderConfig;

/**
 * The shape of a small Qwen2-Audio: Whisper-style encoder (128 mels, 1500 positions so that HF's
 * processor output fits) and a Qwen2 decoder with an untied LM head, as the released model has.
 */
public record TinyArchitecture(int encoderLayers, int encoderWidth, int encoderHeads, int encoderFfnWidth,
        int decoderLayers, int width, int heads, int kvHeads, int ffnWidth) {

    public static final TinyArchitecture DEFAULT = new TinyArchitecture(2, 96, 4, 256, 8, 96, 4, 2, 256);
    private static final int MEL_BINS = 128;
    private static final int SOURCE_POSITIONS = 1500;
    private static final double ROPE_THETA = 10_000;

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
