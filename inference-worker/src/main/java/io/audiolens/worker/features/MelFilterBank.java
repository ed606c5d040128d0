package io.audiolens.worker.features;

/**
 * Triangular mel filters on the Slaney mel scale with Slaney area normalisation, as HF's
 * {@code mel_filter_bank(..., norm="slaney", mel_scale="slaney")} and librosa's {@code filters.mel} build
 * them, in double precision.
 */
final class MelFilterBank {

    private static final double LOG_START_HZ = 1000.0;
    private static final double LOG_START_MEL = 15.0;
    private static final double MELS_PER_LOG_STEP = 27.0 / Math.log(6.4);

    private MelFilterBank() {
    }

    /**
     * The filters over the bins of a one-sided spectrum.
     *
     * @return (frequencyBins, melBins): weight of FFT bin k in mel filter m
     */
    static double[][] slaney(int frequencyBins, int melBins, double minHz, double maxHz, int sampleRate) {
        // filter edges and centres: melBins + 2 points evenly spaced in mel
        double minMel = hzToMel(minHz);
        double maxMel = hzToMel(maxHz);
        double[] edgesHz = new double[melBins + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = melToHz(minMel + (maxMel - minMel) * i / (melBins + 1));
        }
        double binHz = (sampleRate / 2) / (double) (frequencyBins - 1);
        double[][] filters = new double[frequencyBins][melBins];
        for (int k = 0; k < frequencyBins; k++) {
            double hz = k * binHz;
            for (int m = 0; m < melBins; m++) {
                double rising = (hz - edgesHz[m]) / (edgesHz[m + 1] - edgesHz[m]);
                double falling = (edgesHz[m + 2] - hz) / (edgesHz[m + 2] - edgesHz[m + 1]);
                double area = 2.0 / (edgesHz[m + 2] - edgesHz[m]);
                filters[k][m] = Math.max(0, Math.min(rising, falling)) * area;
            }
        }
        return filters;
    }

    /** Linear below 1 kHz (3 mels per 200 Hz), logarithmic above (27 mels per factor 6.4). */
    static double hzToMel(double hz) {
        return hz < LOG_START_HZ
                ? 3.0 * hz / 200.0
                : LOG_START_MEL + Math.log(hz / LOG_START_HZ) * MELS_PER_LOG_STEP;
    }

    static double melToHz(double mel) {
        return mel < LOG_START_MEL
                ? 200.0 * mel / 3.0
                : LOG_START_HZ * Math.exp((mel - LOG_START_MEL) / MELS_PER_LOG_STEP);
    }
}
