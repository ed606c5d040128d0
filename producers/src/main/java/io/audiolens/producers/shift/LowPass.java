package io.audiolens.producers.shift;

/**
 * Keeps what is below {@code cutoffHz}: a linear-phase FIR, the ideal low-pass response (a sinc) under a
 * Hamming window, 201 taps, scaled to unit gain at 0 Hz; delay-compensated so the clip keeps its timing.
 */
record LowPass(double cutoffHz) implements AudioShift {

    private static final int SAMPLE_RATE = 16_000;
    private static final int HALF_TAPS = 100;

    LowPass {
        if (!(cutoffHz >= 100 && cutoffHz <= SAMPLE_RATE / 2.0 - 100)) {
            throw new IllegalArgumentException("--shift lowpass:" + cutoffHz + " is outside 100 to 7900 Hz; e.g."
                    + " lowpass:1000");
        }
    }

    @Override
    public short[] apply(short[] pcm16, String sampleId) {
        double[] taps = taps();
        short[] out = new short[pcm16.length];
        for (int n = 0; n < pcm16.length; n++) {
            double sum = 0;
            for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
                int i = n - k;
                if (i >= 0 && i < pcm16.length) {
                    sum += taps[k + HALF_TAPS] * pcm16[i];
                }
            }
            out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return out;
    }

    /** (2·HALF_TAPS + 1) coefficients summing to 1. */
    double[] taps() {
        double fc = cutoffHz / SAMPLE_RATE; // cycles per sample
        double[] taps = new double[2 * HALF_TAPS + 1];
        double sum = 0;
        for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
            double sinc = k == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * k) / (Math.PI * k);
            double hamming = 0.54 + 0.46 * Math.cos(Math.PI * k / HALF_TAPS);
            taps[k + HALF_TAPS] = sinc * hamming;
            sum += taps[k + HALF_TAPS];
        }
        for (int i = 0; i < taps.length; i++) {
            taps[i] /= sum;
        }
        return taps;
    }

    @Override
    public String toString() {
        return "lowpass:" + cutoffHz;
    }
}
