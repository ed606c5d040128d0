package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureAugmentationTest {
    private static final int MELS = 32;
    private static final int FRAMES = 50;

    @Test
    void shouldOnlyShiftMelRowsAndMaskOneBandAndOneStretch() {
        float[] features = new float[MELS * FRAMES];
        for (int m = 0; m < MELS; m++) {
            for (int f = 0; f < FRAMES; f++) {
                features[m * FRAMES + f] = 1 + m * 1000 + f; // every cell unique; the floor is 1
            }
        }
        for (long seed = 0; seed < 50; seed++) {
            float[] out = FeatureAugmentation.apply(features, MELS, new Random(seed));
            assertEquals(features.length, out.length);
            Integer shift = null;
            int masked = 0;
            for (int m = 0; m < MELS; m++) {
                for (int f = 0; f < FRAMES; f++) {
                    float v = out[m * FRAMES + f];
                    if (v == 1 && !(m == 0 && f == 0)) {
                        masked++;
                        continue;
                    }
                    int from = (int) ((v - 1) / 1000);
                    assertEquals(f, (int) (v - 1) % 1000, "frames never move (seed " + seed + ")");
                    if (from != 0 && from != MELS - 1) { // clamped edges say nothing about the shift
                        int s = m - from;
                        assertTrue(shift == null || shift == s, "one shift per clip (seed " + seed + ")");
                        shift = s;
                    }
                }
            }
            assertTrue(shift == null || Math.abs(shift) <= 2, "shift " + shift);
            assertTrue(masked <= 8 * FRAMES + MELS * (FRAMES / 10), masked + " masked cells (seed " + seed + ")");
        }
    }

    @Test
    void shouldRepeatItselfForTheSameSeedAndLeaveTheInputAlone() {
        float[] features = new float[MELS * FRAMES];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) Math.sin(i);
        }
        float[] copy = features.clone();
        assertArrayEquals(FeatureAugmentation.apply(features, MELS, new Random(9)),
                FeatureAugmentation.apply(features, MELS, new Random(9)));
        assertArrayEquals(copy, features);
    }
}
