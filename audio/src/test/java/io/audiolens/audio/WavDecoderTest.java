package io.audiolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavDecoderTest {

    private static DoubleUnaryOperator sine(double hz) {
        return t -> Math.sin(2 * Math.PI * hz * t);
    }

    @Test
    void shouldPassSixteenKiloHertzMonoPcm16ThroughBitExact() throws Exception {
        Random random = new Random(7);
        short[] samples = new short[16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(65_536);
        }
        samples[0] = Short.MIN_VALUE;
        samples[1] = Short.MAX_VALUE;

        DecodedAudio audio = WavDecoder.decode(TestWav.pcm16(samples), "noise.wav");

        assertArrayEquals(samples, audio.pcm16());
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i] / 32768f, audio.waveform()[i]);
        }
        assertEquals(1.0, audio.originalSeconds());
        assertFalse(audio.wasCut());
        assertEquals(List.of(), audio.warnings());
    }

    @ParameterizedTest(name = "{0} Hz, {1} channels")
    @CsvSource({"44100, 2", "48000, 1", "22050, 2", "8000, 1"})
    void shouldResampleToSixteenKiloHertzMonoKeepingSineFrequencyAndAmplitude(int rate, int channels) throws Exception {
        double[] gains = channels == 2 ? new double[] {0.6, 0.2} : new double[] {0.4};
        byte[] wav = TestWav.tone(rate, 16, TestWav.PCM, 2.0, sine(1000), gains);

        DecodedAudio audio = WavDecoder.decode(wav, "tone.wav");

        assertEquals(32_000, audio.pcm16().length);
        assertEquals(rate, audio.sourceSampleRate());
        assertEquals(channels, audio.sourceChannels());
        // the middle second, away from the clip's edges where the filter sees silence: 1000 whole cycles
        float[] middle = Arrays.copyOfRange(audio.waveform(), 8_000, 24_000);
        assertEquals(0.4, Spectrum.amplitude(middle, 16_000, 1000), 1e-3);
        assertEquals(2000, Spectrum.zeroCrossings(middle), 2);
        for (int n = 0; n < middle.length; n++) {
            assertEquals(0.4 * Math.sin(2 * Math.PI * 1000 * (n + 8_000) / 16_000.0), middle[n], 2e-3, "sample " + n);
        }
    }

    @Test
    void shouldRemoveToneAboveTheNewNyquistInsteadOfAliasingIt() throws Exception {
        byte[] wav = TestWav.tone(44_100, 16, TestWav.PCM, 2.0, sine(10_000), 0.5);

        float[] middle = Arrays.copyOfRange(WavDecoder.decode(wav, "high.wav").waveform(), 8_000, 24_000);

        assertTrue(Spectrum.amplitude(middle, 16_000, 6_000) < 1e-4, "10 kHz must not fold to 6 kHz");
        assertTrue(Spectrum.rms(middle) < 1e-4, "rms " + Spectrum.rms(middle));
    }

    @ParameterizedTest(name = "{0}-bit, format tag {1}")
    @CsvSource({"8, 1, 0.01", "24, 1, 1e-4", "32, 1, 1e-4", "32, 3, 1e-4"})
    void shouldReadOtherSampleFormats(int bits, int formatTag, double tolerance) throws Exception {
        byte[] wav = TestWav.tone(16_000, bits, formatTag, 0.5, sine(440), 0.5, 0.5);

        float[] waveform = WavDecoder.decode(wav, "format.wav").waveform();

        assertEquals(8_000, waveform.length);
        for (int n = 0; n < waveform.length; n++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 440 * n / 16_000.0), waveform[n], tolerance, "sample " + n);
        }
    }

    /** Full scale is 2^(bits−1) for integers and 1.0 for floats; halves round to even, as Math.rint does. */
    @Test
    void shouldDecodeEachSampleFormatToTheExactPcm16Values() throws Exception {
        byte[] unsigned8 = {0, 1, (byte) 127, (byte) 128, (byte) 129, (byte) 255};
        assertDecodesTo(TestWav.wav(16_000, 1, 8, TestWav.PCM, unsigned8), -32_768, -32_512, -256, 0, 256, 32_512);

        ByteBuffer signed24 = ByteBuffer.allocate(3 * 7);
        for (int value : new int[] {0x7FFFFF, 0x800000, 0x000100, 0x000080, 0x000180, 0xFFFFFF, 0xFFFF00}) {
            signed24.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
        }
        assertDecodesTo(TestWav.wav(16_000, 1, 24, TestWav.PCM, signed24.array()), 32_767, -32_768, 1, 0, 2, 0, -1);

        ByteBuffer signed32 = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(Integer.MAX_VALUE).putInt(Integer.MIN_VALUE).putInt(65_536).putInt(-3 * 32_768);
        assertDecodesTo(TestWav.wav(16_000, 1, 32, TestWav.PCM, signed32.array()), 32_767, -32_768, 1, -2);

        ByteBuffer float32 = ByteBuffer.allocate(4 * 6).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f)
                .putFloat(1f).putFloat(0x1p-16f).putFloat(0x3p-16f).putFloat(-0.25f);
        assertDecodesTo(TestWav.wav(16_000, 1, 32, TestWav.IEEE_FLOAT, float32.array()),
                16_384, -32_768, 32_767, 0, 2, -8_192);
    }

    @Test
    void shouldClipFloatSamplesBeyondFullScaleAndCountThem() throws Exception {
        ByteBuffer float32 = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f)
                .putFloat(1f).putFloat(0.5f);

        DecodedAudio audio = WavDecoder.decode(TestWav.wav(16_000, 1, 32, TestWav.IEEE_FLOAT, float32.array()), "loud.wav");

        assertArrayEquals(new short[] {32_767, -32_768, 32_767, 16_384}, audio.pcm16());
        assertEquals(List.of("2 samples beyond full scale were clipped"), audio.warnings());
    }

    private static void assertDecodesTo(byte[] wav, int... expected) throws Exception {
        short[] pcm16 = WavDecoder.decode(wav, "exact.wav").pcm16();
        assertArrayEquals(expected, IntStream.range(0, pcm16.length).map(i -> pcm16[i]).toArray());
    }

    @Test
    void shouldReadBigEndianAiffThroughJavaSound() throws Exception {
        int frames = 8_000;
        ByteBuffer data = ByteBuffer.allocate(2 * frames).order(ByteOrder.BIG_ENDIAN);
        for (int n = 0; n < frames; n++) {
            data.putShort((short) Math.round(16_384 * Math.sin(2 * Math.PI * 440 * n / 16_000.0)));
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        ByteArrayOutputStream aiff = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data.array()), format, frames),
                AudioFileFormat.Type.AIFF, aiff);

        short[] pcm16 = WavDecoder.decode(aiff.toByteArray(), "tone.aiff").pcm16();

        assertEquals(frames, pcm16.length);
        for (int n = 0; n < frames; n++) {
            assertEquals(data.getShort(2 * n), pcm16[n], "sample " + n);
        }
    }

    @Test
    void shouldCutFortyFiveSecondsToThirtyAndSaySo() throws Exception {
        byte[] wav = TestWav.tone(16_000, 16, TestWav.PCM, 45.0, sine(300), 0.3);

        DecodedAudio audio = WavDecoder.decode(wav, "long.wav");

        assertEquals(DecodedAudio.MAX_SAMPLES, audio.pcm16().length);
        assertTrue(audio.wasCut());
        assertEquals(45.0, audio.originalSeconds());
        assertEquals(1, audio.warnings().size());
        assertTrue(audio.warnings().get(0).contains("cut from 45.00 s to 30 s"), audio.warnings().get(0));
        short[] uncut = WavDecoder.decode(TestWav.tone(16_000, 16, TestWav.PCM, 30.0, sine(300), 0.3), "30s.wav").pcm16();
        assertArrayEquals(uncut, audio.pcm16());
    }

    @Test
    void shouldCutAResampledClipExactlyAsIfTheWholeClipHadBeenResampled() throws Exception {
        DoubleUnaryOperator chirp = t -> 0.5 * Math.sin(2 * Math.PI * (200 + 40 * t) * t);
        int frames = 31 * 44_100;
        double[] pcm = new double[frames];
        for (int n = 0; n < frames; n++) {
            pcm[n] = Math.round(chirp.applyAsDouble(n / 44_100.0) * 32768) / 32768.0;
        }
        double[] whole = new Resampler(44_100, 16_000).resample(pcm, 31 * 16_000);

        DecodedAudio cut = WavDecoder.decode(TestWav.tone(44_100, 16, TestWav.PCM, 31.0, chirp, 1.0), "31s.wav");

        assertTrue(cut.wasCut());
        for (int n = 0; n < DecodedAudio.MAX_SAMPLES; n++) {
            assertEquals((short) Math.rint(whole[n] * 32768), cut.pcm16()[n], "sample " + n);
        }
    }

    @Test
    void shouldDecodeTheFramesPresentInAFileCutShort() throws Exception {
        byte[] wav = TestWav.tone(16_000, 16, TestWav.PCM, 1.0, sine(440), 0.5);
        byte[] cutShort = Arrays.copyOf(wav, wav.length - 1_001);

        DecodedAudio audio = WavDecoder.decode(cutShort, "short.wav");

        assertEquals(16_000 - 501, audio.pcm16().length);
        assertArrayEquals(Arrays.copyOf(WavDecoder.decode(wav, "whole.wav").pcm16(), 16_000 - 501), audio.pcm16());
        assertEquals(1, audio.warnings().size());
        assertTrue(audio.warnings().get(0).startsWith("file truncated: the header declares 16000 frames"),
                audio.warnings().get(0));
    }
}
