package io.audiolens.audio;

/** Signal measures computed from first principles, to check the decoder without trusting it. */
final class Spectrum {

    private Spectrum() {
    }

    /** Amplitude of the {@code hz} component by a single-bin DFT; exact when the window holds whole cycles. */
    static double amplitude(float[] x, int rate, double hz) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < x.length; n++) {
            double phase = 2 * Math.PI * hz * n / rate;
            re += x[n] * Math.cos(phase);
            im -= x[n] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / x.length;
    }

    static int zeroCrossings(float[] x) {
        int crossings = 0;
        for (int n = 1; n < x.length; n++) {
            if ((x[n - 1] < 0) != (x[n] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }
}
