package io.audiolens.app.bench;

import java.util.SplittableRandom;

/** A deterministic test signal: a rising chirp with a harmonic and a little noise, 16 kHz. */
final class SyntheticClip {
    private SyntheticClip() {}

    static float[] chirp(double seconds) {
        int n = (int) Math.round(seconds * 16000);
        float[] x = new float[n];
        SplittableRandom noise = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double t = i / 16000.0;
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 300 * t) * t) + 0.1 * Math.sin(2 * Math.PI * 1200 * t)
                    + 0.02 * noise.nextGaussian());
        }
        return x;
    }
}
