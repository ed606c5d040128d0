package io.audiolens.worker.model.qwen2audio.training;

import java.util.Arrays;
import java.util.Random;

/**
 * Makes one training clip sound like a slightly different speaker and recording, so that what the model
 * learns carries over to voices it never heard: the log-mel rows shift by up to {@value #MAX_MEL_SHIFT}
 * bins (a longer or shorter vocal tract, as in VTLP), then one band of up to {@value #MAX_MEL_MASK} mel
 * bins and one stretch of up to a tenth of the frames are set to the clip's floor (SpecAugment). M mel
 * bins, F' frames.
 */
final class FeatureAugmentation {
    private static final int MAX_MEL_SHIFT = 2;
    private static final int MAX_MEL_MASK = 8;
    private static final double MAX_TIME_MASK = 0.1;

    private FeatureAugmentation() {}

    /** A changed copy of {@code features} (M, F') row-major. */
    static float[] apply(float[] features, int melBins, Random random) {
        int frames = features.length / melBins;
        float floor = min(features);
        float[] out = new float[features.length];
        int shift = random.nextInt(2 * MAX_MEL_SHIFT + 1) - MAX_MEL_SHIFT;
        for (int m = 0; m < melBins; m++) {
            int from = Math.max(0, Math.min(melBins - 1, m - shift));
            System.arraycopy(features, from * frames, out, m * frames, frames);
        }
        int band = random.nextInt(MAX_MEL_MASK + 1);
        int firstBin = random.nextInt(melBins - band + 1);
        Arrays.fill(out, firstBin * frames, (firstBin + band) * frames, floor);
        int stretch = random.nextInt((int) (MAX_TIME_MASK * frames) + 1);
        int firstFrame = random.nextInt(frames - stretch + 1);
        for (int m = 0; m < melBins; m++) {
            Arrays.fill(out, m * frames + firstFrame, m * frames + firstFrame + stretch, floor);
        }
        return out;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
