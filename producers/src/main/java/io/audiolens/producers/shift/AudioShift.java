package io.audiolens.producers.shift;

import java.util.Locale;

/**
 * A deliberate change to every clip before it is published, to see what a monitored model does when what
 * it hears changes (a worse microphone, a noisy room): {@code lowpass:HZ} keeps what is below HZ,
 * {@code noise:DB} adds white noise DB decibels below the clip's own power. {@code none} leaves clips as
 * they are.
 */
public interface AudioShift {

    AudioShift NONE = new AudioShift() {
        @Override
        public short[] apply(short[] pcm16, String sampleId) {
            return pcm16;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /** {@code pcm16} (16 kHz mono) changed; {@code sampleId} seeds anything random, so reruns are equal. */
    short[] apply(short[] pcm16, String sampleId);

    /** {@code none}, {@code lowpass:HZ} (100 to 7900) or {@code noise:DB} (a signal-to-noise ratio, −20 to 60). */
    static AudioShift parse(String written) {
        String spec = written.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("none")) {
            return NONE;
        }
        String[] parts = spec.split(":", 2);
        try {
            if (parts.length == 2 && parts[0].equals("lowpass")) {
                return new LowPass(Double.parseDouble(parts[1]));
            }
            if (parts.length == 2 && parts[0].equals("noise")) {
                return new WhiteNoise(Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // named below, with the forms that work
        }
        throw new IllegalArgumentException("--shift " + written + " is not none, lowpass:HZ or noise:DB;"
                + " e.g. --shift lowpass:1000 keeps what is below 1 kHz, --shift noise:10 adds noise at 10 dB SNR");
    }
}
