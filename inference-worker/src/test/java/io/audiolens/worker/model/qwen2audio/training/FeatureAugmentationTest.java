package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureAugmentationTest {
    private static final int MELS = 32;
    private static final int FRAMES = 50;
    private static final double FRAME_SECONDS = 0.01;

    @Test
    void shouldStretchTimeAndShiftMelRowsAsTold() {
        float[] features = new float[MELS * (FRAMES + 1)];
        for (int m = 0; m < MELS; m++) {
            for (int f = 0; f < FRAMES; f++) {
                features[m * (FRAMES + 1) + f] = 0.01f * f + 0.1f * m; // log10 power 4x - 4
            }
        }
        double[][] power = FeatureAugmentation.stretchAndShift(features, MELS, FRAMES, 1.25, 2);
        assertEquals(40, power[0].length, "50 frames 1.25 times as fast");
        for (int m = 0; m < MELS; m++) {
            int from = Math.max(0, m - 2);
            for (int t = 0; t < 40; t++) {
                double source = t * 50.0 / 40;                                   // where frame t was
                double x = 0.01 * source + 0.1 * from;
                assertEquals(Math.pow(10, 4 * x - 4), power[m][t], 1e-5 * Math.pow(10, 4 * x - 4), "row " + m + " frame " + t);
            }
        }
    }

    @Test
    void shouldTiltTheBandAndStopWhatIsOutsideIt() {
        double[][] power = constant(MELS, FRAMES, 1);
        FeatureAugmentation.filter(power, 6, 20, 3);
        assertEquals(Math.pow(10, 6.0 / 10 * (19 - 3) / (MELS - 1)), power[19][7] / power[3][7], 1e-9,
                "6 dB from the lowest bin to the highest, linear in the bin");
        assertEquals(1e-6, power[20][0] / (power[19][0] * Math.pow(10, 0.6 / (MELS - 1))), 1e-12, "low-passed: -60 dB");
        assertEquals(1e-6, power[2][0] / (power[3][0] / Math.pow(10, 0.6 / (MELS - 1))), 1e-12, "high-passed: -60 dB");
    }

    @Test
    void shouldAddATailThatFallsSixtyDecibelsInT60AndHoldsTheStatedEnergy() {
        double[][] power = new double[1][400];
        power[0][0] = 1; // an impulse
        FeatureAugmentation.reverberate(power, 0.5, 3);
        assertEquals(1, power[0][0], 1e-12, "the direct sound stays");
        assertEquals(1e-6, power[0][51] / power[0][1], 1e-9, "0.5 s = 50 frames of 10 ms later: 60 dB down");
        double tail = 0;
        for (int t = 1; t < 400; t++) {
            tail += power[0][t];
        }
        assertEquals(Math.pow(10, -0.3), tail, 1e-6, "direct-to-reverberant ratio 3 dB");
    }

    @Test
    void shouldAddNoiseAtTheStatedLevelBelowTheMeanPower() {
        double[][] power = constant(MELS, 400, 2);
        FeatureAugmentation.addNoise(power, 10, 0, new Random(3));
        double added = 0;
        for (double[] band : power) {
            for (double p : band) {
                added += p - 2;
            }
        }
        added /= MELS * 400;
        assertEquals(0.2, added, 0.01, "10 dB below a mean power of 2, fluctuating ±50 % around it");
    }

    @Test
    void shouldKeepWhisperRangeAndPadWithTheFloor() {
        float[] features = speechLike();
        for (long seed = 0; seed < 50; seed++) {
            FeatureAugmentation.Augmented out = FeatureAugmentation.apply(features, MELS, FRAMES, 0.5, new Random(seed));
            int frames = out.frames();
            assertTrue(frames >= Math.round(FRAMES / 1.18) && frames <= Math.round(FRAMES / 0.85), frames + " frames");
            int columns = Qwen2AudioConfig.encoderInputFrames(frames);
            assertEquals(MELS * columns, out.features().length, "frames the encoder reads (seed " + seed + ")");
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (float v : out.features()) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            // the floor is 80 dB (2 in Whisper's units) below the maximum, which a SpecAugment mask may hide
            assertTrue(max - min <= 2 + 1e-4 && max - min > 1.5, "range " + (max - min) + " (seed " + seed + ")");
            for (int m = 0; m < MELS; m++) {
                for (int c = frames; c < columns; c++) {
                    assertEquals(min, out.features()[m * columns + c], "padding at the floor (seed " + seed + ")");
                }
            }
        }
    }

    @Test
    void shouldRepeatItselfForTheSameSeedAndLeaveTheInputAlone() {
        float[] features = speechLike();
        float[] copy = features.clone();
        FeatureAugmentation.Augmented first = FeatureAugmentation.apply(features, MELS, FRAMES, 1, new Random(9));
        FeatureAugmentation.Augmented second = FeatureAugmentation.apply(features, MELS, FRAMES, 1, new Random(9));
        assertArrayEquals(first.features(), second.features());
        assertEquals(first.frames(), second.frames());
        assertArrayEquals(copy, features);
    }

    /** (M, F + 1): 50 real frames of a changing spectrum spanning Whisper's range, then one padding column. */
    private static float[] speechLike() {
        int columns = FRAMES + 1;
        float[] features = new float[MELS * columns];
        for (int m = 0; m < MELS; m++) {
            for (int f = 0; f < columns; f++) {
                features[m * columns + f] = f < FRAMES ? (float) (0.5 + 0.5 * Math.sin(0.3 * f + 0.7 * m)) : -0.5f;
            }
        }
        return features;
    }

    private static double[][] constant(int rows, int frames, double value) {
        double[][] power = new double[rows][frames];
        for (double[] row : power) {
            java.util.Arrays.fill(row, value);
        }
        return power;
    }
}
