package io.audiolens.worker.model.qwen2audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class RandomWeightSourceTest {

    @Test
    void shouldGiveTheEncoderWhispersSinusoidPositions() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] table = new RandomWeightSource(m).load(EncoderWeights.POSITIONS, 5, 4).toFloatArray();
            // Whisper: 2 timescales for 4 channels, exp(-ln(10000)·i/(2−1)) = 1 and 1e-4; sines, then cosines
            for (int t = 0; t < 5; t++) {
                float[] expected = {(float) Math.sin(t), (float) Math.sin(t * 1e-4), (float) Math.cos(t),
                    (float) Math.cos(t * 1e-4)};
                float[] row = new float[4];
                System.arraycopy(table, t * 4, row, 0, 4);
                assertArrayEquals(expected, row, 1e-7f, "position " + t);
            }
        }
    }

    @Test
    void shouldInitialiseNormsToOneBiasesToZeroAndTheStemWithHeScale() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            m.getEngine().setRandomSeed(5);
            RandomWeightSource source = new RandomWeightSource(m);
            assertEquals(1f, source.load("language_model.model.norm.weight", 8).mean().getFloat());
            assertEquals(0f, source.load("audio_tower.conv1.bias", 8).abs().max().getFloat());
            NDArray conv = source.load("audio_tower.conv2.weight", 64, 64, 3);    // fan-in 192: std 0.102
            assertEquals(Math.sqrt(2 / 192.0), std(conv), 0.005);
            NDArray other = source.load("language_model.model.layers.0.mlp.up_proj.weight", 128, 64);
            assertEquals(0.02, std(other), 0.001);
        }
    }

    private static double std(NDArray x) {
        float[] v = x.toFloatArray();
        double mean = 0;
        for (float f : v) {
            mean += f / (double) v.length;
        }
        double var = 0;
        for (float f : v) {
            var += (f - mean) * (f - mean) / v.length;
        }
        return Math.sqrt(var);
    }
}
