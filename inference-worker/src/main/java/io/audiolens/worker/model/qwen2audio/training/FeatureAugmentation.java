package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import java.util.Arrays;
import java.util.Random;

/**
 * Makes one training clip sound like another speaker, another synthesizer and another recording, so that
 * what the model learns is the speech and not the engine that made it. It works on Whisper's log-mel
 * features (x = (log10 power + 4) / 4, floored at the clip's maximum − 2), as each stage can be written
 * there exactly or closely, and costs a millisecond per clip where re-synthesising audio would cost the
 * log-mel extraction every step:
 * <ol>
 *   <li>tempo: the frames are resampled by a factor of {@value #MIN_TEMPO}–{@value #MAX_TEMPO} (the clip
 *       gets shorter or longer and so does its audio-token count);</li>
 *   <li>pitch and vocal tract: the mel rows shift by up to {@value #MAX_MEL_SHIFT} bins (VTLP);</li>
 *   <li>with a given probability, the channel, in the power domain: a random spectral tilt of up to ±{@value #MAX_TILT_DB} dB across the band, and
 *       with probability ½ a band limit (low-pass between about 2.5 and 8 kHz, high-pass up to about
 *       {@value #MAX_HIGH_PASS_BINS} bins), as microphones, codecs and phone lines do; with probability ½
 *       a reverberant tail (T60 {@value #MIN_T60}–{@value #MAX_T60} s, direct-to-reverberant ratio
 *       {@value #MIN_DRR_DB}–{@value #MAX_DRR_DB} dB), a room's smearing of each mel band in time; with probability ½
 *       stationary noise of random colour at {@value #MIN_SNR_DB}–{@value #MAX_SNR_DB} dB below the
 *       clip's mean power;</li>
 *   <li>a loudness change of {@value #MIN_GAIN_DB} to +{@value #MAX_GAIN_DB} dB, which after Whisper's
 *       normalisation shifts the whole clip;</li>
 *   <li>SpecAugment: one band of up to {@value #MAX_MEL_MASK} mel bins and one stretch of up to a tenth
 *       of the frames are set to the clip's floor.</li>
 * </ol>
 * Every draw comes from the given {@link Random}, in a fixed order: a seed gives the same clip. M mel
 * bins, F real frames, F' encoder input frames ({@link Qwen2AudioConfig#encoderInputFrames}).
 */
final class FeatureAugmentation {
    private static final double MIN_TEMPO = 0.85;
    private static final double MAX_TEMPO = 1.18;
    private static final int MAX_MEL_SHIFT = 3;
    private static final double MAX_TILT_DB = 10;
    private static final int MAX_HIGH_PASS_BINS = 6;
    private static final double MIN_LOW_PASS = 0.55;   // of the mel bins: about 2.5 kHz
    private static final double STOP_BAND_DB = -60;
    private static final double MIN_T60 = 0.1;
    private static final double MAX_T60 = 0.6;
    private static final double MIN_DRR_DB = 3;
    private static final double MAX_DRR_DB = 15;
    private static final double MIN_SNR_DB = 10;
    private static final double MAX_SNR_DB = 35;
    private static final double MAX_NOISE_TILT_DB = 10;
    private static final double MIN_GAIN_DB = -20;
    private static final double MAX_GAIN_DB = 6;
    private static final int MAX_MEL_MASK = 8;
    private static final double MAX_TIME_MASK = 0.1;
    private static final double FRAME_SECONDS = (double) WhisperLogMel.HOP / WhisperLogMel.SAMPLE_RATE;
    private static final double MEL_FLOOR = 1e-10;
    private static final double DYNAMIC_RANGE = 8;      // log10 units, as WhisperLogMel floors

    /**
     * A clip as heard this time.
     *
     * @param features (M, F') row-major
     * @param frames F, the real frames among them
     */
    record Augmented(float[] features, int frames) {}

    private FeatureAugmentation() {}

    /**
     * A changed copy of {@code features} (M, F'_in) row-major, whose first {@code frames} frames are real;
     * with probability {@code channelProbability} the clip also goes through the filter, room and noise
     * stages.
     */
    static Augmented apply(float[] features, int melBins, int frames, double channelProbability, Random random) {
        double tempo = MIN_TEMPO * Math.pow(MAX_TEMPO / MIN_TEMPO, random.nextDouble());
        int shift = random.nextInt(2 * MAX_MEL_SHIFT + 1) - MAX_MEL_SHIFT;
        double[][] power = stretchAndShift(features, melBins, frames, tempo, shift);
        if (random.nextDouble() < channelProbability) {
            boolean bandLimited = random.nextBoolean();
            filter(power, MAX_TILT_DB * (2 * random.nextDouble() - 1),
                    bandLimited ? (int) (melBins * (MIN_LOW_PASS + (1 - MIN_LOW_PASS) * random.nextDouble())) : melBins,
                    bandLimited ? random.nextInt(MAX_HIGH_PASS_BINS + 1) : 0);
            if (random.nextBoolean()) {
                reverberate(power, MIN_T60 + (MAX_T60 - MIN_T60) * random.nextDouble(),
                        MIN_DRR_DB + (MAX_DRR_DB - MIN_DRR_DB) * random.nextDouble());
            }
            if (random.nextBoolean()) {
                addNoise(power, MIN_SNR_DB + (MAX_SNR_DB - MIN_SNR_DB) * random.nextDouble(),
                        MAX_NOISE_TILT_DB * (2 * random.nextDouble() - 1), random);
            }
        }
        double gainDb = MIN_GAIN_DB + (MAX_GAIN_DB - MIN_GAIN_DB) * random.nextDouble();
        int outFrames = power[0].length;
        int columns = Math.min(WhisperLogMel.FRAMES, Qwen2AudioConfig.encoderInputFrames(outFrames));
        float[] out = toFeatures(power, Math.pow(10, gainDb / 10), columns);
        mask(out, melBins, columns, random);
        return new Augmented(out, outFrames);
    }

    /**
     * (M, F/tempo) the real frames in the power domain, resampled in time by linear interpolation and
     * moved {@code shift} mel bins up (rows past the edge repeat the edge row).
     */
    static double[][] stretchAndShift(float[] features, int melBins, int frames, double tempo, int shift) {
        int inputFrames = features.length / melBins;
        int outFrames = Math.max(3, Math.min(WhisperLogMel.FRAMES, (int) Math.round(frames / tempo)));
        double[][] power = new double[melBins][outFrames];
        for (int m = 0; m < melBins; m++) {
            int from = Math.max(0, Math.min(melBins - 1, m - shift));
            for (int t = 0; t < outFrames; t++) {
                double source = Math.min(frames - 1, t * (double) frames / outFrames);
                int left = (int) source;
                int right = Math.min(frames - 1, left + 1);
                double x = features[from * inputFrames + left] * (1 - (source - left))
                        + features[from * inputFrames + right] * (source - left);
                power[m][t] = Math.pow(10, 4 * x - 4);
            }
        }
        return power;
    }

    /**
     * A gain per mel bin: {@code tiltDb} from the lowest bin to the highest (linear in the bin index), and
     * {@value #STOP_BAND_DB} dB at bins from {@code lowPass} on and below {@code highPass}.
     */
    static void filter(double[][] power, double tiltDb, int lowPass, int highPass) {
        int melBins = power.length;
        for (int m = 0; m < melBins; m++) {
            double db = tiltDb * ((double) m / (melBins - 1) - 0.5);
            if (m >= lowPass || m < highPass) {
                db += STOP_BAND_DB;
            }
            double g = Math.pow(10, db / 10);
            for (int t = 0; t < power[m].length; t++) {
                power[m][t] *= g;
            }
        }
    }

    /**
     * Each band's power plus an exponentially decaying tail of its past, as a room adds: the tail falls
     * by 60 dB in {@code t60} seconds and holds {@code drrDb} dB less energy than the direct sound.
     */
    static void reverberate(double[][] power, double t60, double drrDb) {
        double decay = Math.pow(10, -6 * FRAME_SECONDS / t60);             // per frame
        double tail = Math.pow(10, -drrDb / 10) * (1 - decay) / decay;     // Σ_k≥1 tail·decay^k = 10^(-DRR/10)
        for (double[] band : power) {
            double reverberant = 0;
            for (int t = 0; t < band.length; t++) {
                double direct = band[t];
                band[t] = direct + tail * reverberant;
                reverberant = decay * (reverberant + direct);
            }
        }
    }

    /**
     * Stationary noise {@code snrDb} below the clip's mean power, tilted by {@code colourDb} from the lowest
     * mel bin to the highest, and fluctuating from cell to cell by ±50 %.
     */
    static void addNoise(double[][] power, double snrDb, double colourDb, Random random) {
        int melBins = power.length;
        double mean = 0;
        for (double[] band : power) {
            for (double p : band) {
                mean += p;
            }
        }
        mean /= (double) melBins * power[0].length;
        double level = mean * Math.pow(10, -snrDb / 10);
        for (int m = 0; m < melBins; m++) {
            double bandLevel = level * Math.pow(10, colourDb * ((double) m / (melBins - 1) - 0.5) / 10);
            for (int t = 0; t < power[m].length; t++) {
                power[m][t] += bandLevel * (0.5 + random.nextDouble());
            }
        }
    }

    /**
     * (M, F') back to Whisper's features after a gain, floored at the maximum − 8 (log10) as WhisperLogMel
     * does; the padding columns after the real frames at the floor.
     */
    static float[] toFeatures(double[][] power, double gain, int columns) {
        int melBins = power.length;
        int frames = power[0].length;
        double max = Double.NEGATIVE_INFINITY;
        double[][] log = new double[melBins][frames];
        for (int m = 0; m < melBins; m++) {
            for (int t = 0; t < frames; t++) {
                log[m][t] = Math.log10(Math.max(MEL_FLOOR, power[m][t] * gain));
                max = Math.max(max, log[m][t]);
            }
        }
        double floor = max - DYNAMIC_RANGE;
        float[] out = new float[melBins * columns];
        Arrays.fill(out, (float) ((floor + 4) / 4));
        for (int m = 0; m < melBins; m++) {
            for (int t = 0; t < Math.min(frames, columns); t++) {
                out[m * columns + t] = (float) ((Math.max(floor, log[m][t]) + 4) / 4);
            }
        }
        return out;
    }

    /** SpecAugment: one band of mel bins and one stretch of frames set to the floor. */
    private static void mask(float[] out, int melBins, int columns, Random random) {
        float floor = min(out);
        int band = random.nextInt(MAX_MEL_MASK + 1);
        int firstBin = random.nextInt(melBins - band + 1);
        Arrays.fill(out, firstBin * columns, (firstBin + band) * columns, floor);
        int stretch = random.nextInt((int) (MAX_TIME_MASK * columns) + 1);
        int firstFrame = random.nextInt(columns - stretch + 1);
        for (int m = 0; m < melBins; m++) {
            Arrays.fill(out, m * columns + firstFrame, m * columns + firstFrame + stretch, floor);
        }
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
