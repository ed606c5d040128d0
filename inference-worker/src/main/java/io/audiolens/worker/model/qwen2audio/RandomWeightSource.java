package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.model.common.WeightSource;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;

/**
 * Invents every tensor it is asked for, as HF initialises a fresh model (normal, std 0.02; norm scales
 * 1, biases 0), with two changes for training from scratch, which HF's Qwen2-Audio port does not
 * support: the encoder's position table (never trained) gets Whisper's sinusoids, and the two
 * convolutions of the encoder's stem get He initialisation (std √(2 / fan-in)), so that at the start
 * the audio is not drowned by the position table. It answers with the names of the released
 * Qwen2-Audio checkpoints.
 */
final class RandomWeightSource implements WeightSource {
    private static final double STD = 0.02;
    private final NDManager manager;

    RandomWeightSource(NDManager manager) {
        this.manager = manager;
    }

    @Override
    public NDArray load(String name, long... shape) {
        if (name.equals(EncoderWeights.POSITIONS)) {
            return manager.create(WhisperEncoderBlocks.sinusoids((int) shape[0], (int) shape[1]), new Shape(shape));
        } else if (name.endsWith("norm.weight") || name.endsWith("layernorm.weight")) {
            return manager.ones(new Shape(shape));
        } else if (name.endsWith(".bias")) {
            return manager.zeros(new Shape(shape));
        } else if (name.startsWith(EncoderWeights.TOWER + "conv")) {
            double fanIn = shape[1] * shape[2];
            return manager.randomNormal(0, (float) Math.sqrt(2 / fanIn), new Shape(shape), DataType.FLOAT32);
        }
        return manager.randomNormal(0, (float) STD, new Shape(shape), DataType.FLOAT32);
    }

    @Override
    public boolean has(String name) {
        return name.startsWith("language_model.model.") && !name.startsWith("language_model.model.model.")
                || name.equals("language_model.lm_head.weight");
    }
}
