package io.audiolens.worker.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Whisper input features of one clip.
 *
 * @param values (M, T) row-major, M = {@code melBins}, T = {@link WhisperLogMel#FRAMES}
 * @param melBins M, 128 for Whisper-large-v3 encoders, 80 for earlier ones
 * @param realFrames frames that hold audio rather than padding, ceil(samples / hop): HF's
 *     {@code feature_attention_mask.sum()}, the F an encoder is cut to and audio tokens are counted from
 */
public record LogMelFeatures(float[] values, int melBins, int realFrames) {

    public LogMelFeatures {
        if (values.length != melBins * WhisperLogMel.FRAMES) {
            throw new IllegalArgumentException(values.length + " values do not fill " + melBins + " mel bins × "
                    + WhisperLogMel.FRAMES + " frames");
        }
    }

    /** The features as a (M, T) float32 array owned by {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(values, new Shape(melBins, WhisperLogMel.FRAMES));
    }
}
