package io.audiolens.worker.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Whisper input features of one clip.
 *
 * @param values (M, T) row-major, M = {@code melBins}, T = {@link WhisperLogMel#FRAMES}
 * @param melBins M, 128 for Whisper-large-v3 encoders, 80 for earlier ones
 * @param samples waveform samples the features were computed from (at most 30 s)
 */
public record LogMelFeatures(float[] values, int melBins, int samples) {

    public LogMelFeatures {
        if (values.length != melBins * WhisperLogMel.FRAMES) {
            throw new IllegalArgumentException(values.length + " values do not fill " + melBins + " mel bins × "
                    + WhisperLogMel.FRAMES + " frames");
        }
    }

    /**
     * Frames that hold audio rather than padding, ceil(samples / hop): HF's
     * {@code feature_attention_mask.sum()}, the F Qwen2-Audio's encoder is cut to and its audio tokens
     * are counted from.
     */
    public int realFrames() {
        return (samples + WhisperLogMel.HOP - 1) / WhisperLogMel.HOP;
    }

    /** Frames made only of real samples, floor(samples / hop): what Qwen-Audio counts ({@code mel_len}). */
    public int wholeFrames() {
        return samples / WhisperLogMel.HOP;
    }

    /** The features as a (M, T) float32 array owned by {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(values, new Shape(melBins, WhisperLogMel.FRAMES));
    }
}
