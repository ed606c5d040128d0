package io.audiolens.worker.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Whisper's log-mel input features, matching HF {@code WhisperFeatureExtractor}: the 16 kHz waveform is
 * padded with zeros or cut to 30 s, framed by a centred, reflect-padded STFT (periodic Hann, n_fft 400,
 * hop 160, last frame dropped), turned into power, mel-filtered (Slaney, 0–8 kHz),
 * {@code log10(max(x, 1e-10))}, floored at the clip's maximum − 8, and mapped by {@code (x + 4) / 4}.
 *
 * <p>The STFT is a matmul with a windowed cos/sin basis, and {@code re² + im²} is folded into the mel
 * matmul by stacking the filters twice, so the whole pipeline is two matmuls and a few pointwise ops.
 * Shapes: T = {@value #FRAMES} frames, N = {@value #N_FFT} window samples, K = N/2 + 1 frequency bins,
 * M mel bins. Thread-safe: every call runs in its own {@link NDManager}.
 */
public final class WhisperLogMel {

    public static final int SAMPLE_RATE = 16_000;
    public static final int N_SAMPLES = 30 * SAMPLE_RATE;
    public static final int N_FFT = 400;
    public static final int HOP = 160;
    public static final int FRAMES = N_SAMPLES / HOP;

    private static final int BINS = N_FFT / 2 + 1;
    private static final double MAX_HZ = 8_000;
    private static final float MEL_FLOOR = 1e-10f;
    private static final float DYNAMIC_RANGE = 8f;

    private final int melBins;
    private final float[] dftBasis;       // (N, 2K): hann[n]·cos(2πnk/N) then −hann[n]·sin(2πnk/N)
    private final float[] stackedFilters; // (2K, M): the mel filters for re², then again for im²

    /** @param melBins 128 (Whisper-large-v3, Qwen2-Audio) or 80 (earlier Whisper, Qwen-Audio) */
    public WhisperLogMel(int melBins) {
        if (melBins < 1 || melBins > BINS) {
            throw new IllegalArgumentException("melBins " + melBins + " out of range: Whisper encoders take 80 or 128");
        }
        this.melBins = melBins;
        this.dftBasis = windowedDftBasis();
        this.stackedFilters = stackedFilters(MelFilterBank.slaney(BINS, melBins, 0, MAX_HZ, SAMPLE_RATE), melBins);
    }

    public int melBins() {
        return melBins;
    }

    /**
     * Features of a 16 kHz mono waveform in [-1, 1); samples beyond 30 s are ignored (the decoder has
     * already cut and reported them).
     */
    public LogMelFeatures extract(float[] waveform) {
        if (waveform.length == 0) {
            throw new IllegalArgumentException("waveform is empty: Whisper features need at least one sample");
        }
        float[] frames = frames(waveform);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray framed = manager.create(frames, new Shape(FRAMES, N_FFT));                 // (T, N)
            NDArray basis = manager.create(dftBasis, new Shape(N_FFT, 2 * BINS));             // (N, 2K)
            NDArray filters = manager.create(stackedFilters, new Shape(2 * BINS, melBins));   // (2K, M)
            // power spectrum, summed over re² and im² inside the mel matmul
            NDArray mel = framed.matMul(basis).square().matMul(filters);                      // (T, M)
            NDArray logMel = mel.maximum(MEL_FLOOR).log10();                                  // (T, M)
            // floor at the clip's maximum − 8, then scale to about [-1, 1]
            float floor = logMel.max().getFloat() - DYNAMIC_RANGE;
            NDArray features = logMel.maximum(floor).add(4f).div(4f).transpose();             // (M, T)
            return new LogMelFeatures(features.toFloatArray(), melBins, Math.min(waveform.length, N_SAMPLES));
        }
    }

    /**
     * (T, N) frames of the waveform, zero-padded to 30 s and reflect-padded by N/2 at both ends. Frame t
     * starts at padded sample t·HOP; the STFT's last frame (t = T) is the one HF drops, so it is never built.
     */
    private static float[] frames(float[] waveform) {
        int half = N_FFT / 2;
        float[] padded = new float[N_SAMPLES + N_FFT];
        System.arraycopy(waveform, 0, padded, half, Math.min(waveform.length, N_SAMPLES));
        for (int i = 1; i <= half; i++) {
            padded[half - i] = padded[half + i];
            padded[half + N_SAMPLES - 1 + i] = padded[half + N_SAMPLES - 1 - i];
        }
        float[] frames = new float[FRAMES * N_FFT];
        for (int t = 0; t < FRAMES; t++) {
            System.arraycopy(padded, t * HOP, frames, t * N_FFT, N_FFT);
        }
        return frames;
    }

    /** Periodic Hann times the real and imaginary DFT kernels; phases reduced mod N so they stay exact. */
    private static float[] windowedDftBasis() {
        float[] basis = new float[N_FFT * 2 * BINS];
        for (int n = 0; n < N_FFT; n++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / N_FFT);
            for (int k = 0; k < BINS; k++) {
                double phase = 2 * Math.PI * ((long) n * k % N_FFT) / N_FFT;
                basis[n * 2 * BINS + k] = (float) (hann * Math.cos(phase));
                basis[n * 2 * BINS + BINS + k] = (float) (-hann * Math.sin(phase));
            }
        }
        return basis;
    }

    private static float[] stackedFilters(double[][] filters, int melBins) {
        float[] stacked = new float[2 * BINS * melBins];
        for (int k = 0; k < BINS; k++) {
            for (int m = 0; m < melBins; m++) {
                stacked[k * melBins + m] = (float) filters[k][m];
                stacked[(BINS + k) * melBins + m] = (float) filters[k][m];
            }
        }
        return stacked;
    }
}
