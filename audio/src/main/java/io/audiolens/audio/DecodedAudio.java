package io.audiolens.audio;

import java.util.List;

/**
 * A clip as every model sees it: 16 kHz, mono, at most 30 s.
 *
 * @param pcm16 (N) samples at {@link #SAMPLE_RATE}, N ≤ {@link #MAX_SAMPLES}
 * @param waveform (N) {@code pcm16[i] / 32768f}, the float view Whisper-style feature extractors take
 * @param sourceSampleRate sample rate of the input, in Hz
 * @param sourceChannels channel count of the input, averaged into one
 * @param originalSeconds length of the input before any cut
 * @param wasCut whether the input was longer than {@link #MAX_SECONDS} and lost its tail
 * @param warnings what was lost or repaired on the way (cut, truncated file, clipped samples); callers log them
 */
public record DecodedAudio(
        short[] pcm16,
        float[] waveform,
        int sourceSampleRate,
        int sourceChannels,
        double originalSeconds,
        boolean wasCut,
        List<String> warnings) {

    public static final int SAMPLE_RATE = 16_000;
    public static final int MAX_SECONDS = 30;
    public static final int MAX_SAMPLES = SAMPLE_RATE * MAX_SECONDS;

    public DecodedAudio {
        if (pcm16.length != waveform.length) {
            throw new IllegalArgumentException(
                    "pcm16 has " + pcm16.length + " samples but waveform " + waveform.length + ": build both with of(...)");
        }
        warnings = List.copyOf(warnings);
    }

    static DecodedAudio of(short[] pcm16, int sourceSampleRate, int sourceChannels, double originalSeconds,
            boolean wasCut, List<String> warnings) {
        float[] waveform = new float[pcm16.length];
        for (int i = 0; i < pcm16.length; i++) {
            waveform[i] = pcm16[i] / 32768f;
        }
        return new DecodedAudio(pcm16, waveform, sourceSampleRate, sourceChannels, originalSeconds, wasCut, warnings);
    }

    /** Length after decoding, in seconds. */
    public double seconds() {
        return pcm16.length / (double) SAMPLE_RATE;
    }
}
