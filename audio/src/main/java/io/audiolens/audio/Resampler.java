package io.audiolens.audio;

import java.util.Arrays;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated exactly at each output instant.
 *
 * <p>The ratio is reduced to {@code up/down}; output sample n sits at input position n·down/up, whose
 * fractional part is one of {@code up} phases. Each phase's taps are computed once, on first use, so odd
 * rates with many phases cost no more than the phases a clip actually needs. The low-pass cutoff is
 * {@value #ROLLOFF} of the lower Nyquist; with {@value #ZERO_CROSSINGS} zero crossings a side and β =
 * {@value #KAISER_BETA} (≈ 100 dB stopband) the transition band ends near the lower Nyquist, so nothing
 * folds back below it. Input outside the clip counts as silence. Equal rates pass samples through untouched.
 */
final class Resampler {

    private static final int ZERO_CROSSINGS = 48;
    private static final double ROLLOFF = 0.94;
    private static final double KAISER_BETA = 10.0;
    private static final double BESSEL_I0_OF_BETA = besselI0(KAISER_BETA);

    private final int up;
    private final int down;
    private final double cutoff;      // fraction of the input Nyquist
    private final double halfWidth;   // in input samples
    private final int halfTaps;       // K: taps run over input offsets −K+1 .. K
    private final double[][] phaseTaps; // (up, 2K), rows filled on first use

    Resampler(int inputRate, int outputRate) {
        int gcd = gcd(inputRate, outputRate);
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        this.cutoff = ROLLOFF * Math.min(1.0, (double) up / down);
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        this.halfTaps = (int) Math.ceil(halfWidth);
        this.phaseTaps = new double[up][];
    }

    /** Output samples that {@code inputLength} input samples span: ceil(inputLength · up / down). */
    long outputLength(long inputLength) {
        return (inputLength * up + down - 1) / down;
    }

    /** Input samples that the first {@code outputLength} outputs read; anything later cannot change them. */
    long inputNeeded(int outputLength) {
        return isIdentity() ? outputLength : ((long) outputLength - 1) * down / up + halfTaps + 1;
    }

    /** The first {@code outputLength} output samples of {@code input} (input beyond its end is silence). */
    double[] resample(double[] input, int outputLength) {
        if (isIdentity()) {
            return Arrays.copyOf(input, outputLength);
        }
        double[] output = new double[outputLength];
        for (int n = 0; n < outputLength; n++) {
            long position = (long) n * down;
            int base = (int) (position / up);
            double[] taps = taps((int) (position % up));
            int first = Math.max(0, base - halfTaps + 1);
            int last = Math.min(input.length - 1, base + halfTaps);
            double sum = 0;
            for (int j = first; j <= last; j++) {
                sum += input[j] * taps[j - base + halfTaps - 1];
            }
            output[n] = sum;
        }
        return output;
    }

    private boolean isIdentity() {
        return up == down;
    }

    private double[] taps(int phase) {
        double[] taps = phaseTaps[phase];
        if (taps == null) {
            taps = new double[2 * halfTaps];
            double fraction = (double) phase / up;
            for (int m = -halfTaps + 1; m <= halfTaps; m++) {
                taps[m + halfTaps - 1] = kernel(fraction - m);
            }
            phaseTaps[phase] = taps;
        }
        return taps;
    }

    /** Windowed sinc at {@code t} input samples from the output instant; unit gain at DC. */
    private double kernel(double t) {
        double u = t / halfWidth;
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double x = Math.PI * cutoff * t;
        double sinc = x == 0 ? 1 : Math.sin(x) / x;
        return cutoff * sinc * besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / BESSEL_I0_OF_BETA;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for x ≤ 20). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
