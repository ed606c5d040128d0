package io.audiolens.producers.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shifts measured on pure tones and on their own noise, not on their code. */
class AudioShiftTest {

    private static final int RATE = 16_000;

    @Test
    void shouldKeepWhatIsBelowTheCutoffAndRemoveWhatIsAbove() {
        AudioShift lowPass = AudioShift.parse("lowpass:1000");

        double passed = gainDb(lowPass, 300);
        double stopped = gainDb(lowPass, 3_000);

        assertEquals(0.0, passed, 0.2, "300 Hz passes: " + passed + " dB");
        assertTrue(stopped < -40, "3 kHz is stopped: " + stopped + " dB");
        assertEquals(1.0, Arrays.stream(((LowPass) lowPass).taps()).sum(), 1e-12, "unit gain at 0 Hz");
    }

    @Test
    void shouldAddNoiseAtTheAskedSignalToNoiseRatioTheSameForTheSameSample() {
        short[] tone = tone(440, 8_000);
        short[] noisy = AudioShift.parse("noise:10").apply(tone, "live/language/r0001/a.wav");

        double signal = 0;
        double noise = 0;
        for (int i = 0; i < tone.length; i++) {
            signal += (double) tone[i] * tone[i];
            noise += (double) (noisy[i] - tone[i]) * (noisy[i] - tone[i]);
        }
        assertEquals(10.0, 10 * Math.log10(signal / noise), 0.3);
        assertTrue(Arrays.equals(noisy, AudioShift.parse("noise:10").apply(tone, "live/language/r0001/a.wav")));
    }

    @Test
    void shouldNameTheFormsThatWorkWhenAShiftIsMisspelt() {
        assertSame(AudioShift.NONE, AudioShift.parse("none"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> AudioShift.parse("lowpas:1000"));
        assertEquals("--shift lowpas:1000 is not none, lowpass:HZ or noise:DB; e.g. --shift lowpass:1000 keeps what is"
                + " below 1 kHz, --shift noise:10 adds noise at 10 dB SNR", unknown.getMessage());
        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class, () -> AudioShift.parse("lowpass:9000"));
        assertEquals("--shift lowpass:9000.0 is outside 100 to 7900 Hz; e.g. lowpass:1000", tooHigh.getMessage());
    }

    /** Output power over input power of a steady tone, in dB, away from the clip's edges. */
    private static double gainDb(AudioShift shift, double hz) {
        short[] in = tone(hz, 8_000);
        short[] out = shift.apply(in, "tone");
        double pin = 0;
        double pout = 0;
        for (int i = 1_000; i < in.length - 1_000; i++) {
            pin += (double) in[i] * in[i];
            pout += (double) out[i] * out[i];
        }
        return 10 * Math.log10(pout / pin);
    }

    private static short[] tone(double hz, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return pcm;
    }
}
