package io.audiolens.audio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavDecoderRefusalTest {

    @TempDir
    Path dir;

    private void assertRefused(String fileName, byte[] bytes, String reason) throws Exception {
        Path file = Files.write(dir.resolve(fileName), bytes);

        UndecodableAudioException e = assertThrows(UndecodableAudioException.class, () -> WavDecoder.decode(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static byte[] oneSecond() {
        return TestWav.tone(16_000, 16, TestWav.PCM, 1.0, t -> Math.sin(2 * Math.PI * 440 * t), 0.5);
    }

    @Test
    void shouldRefuseAnEmptyFile() throws Exception {
        assertRefused("empty.wav", new byte[0], "the file is empty (0 bytes)");
    }

    @Test
    void shouldRefuseBytesThatAreNotAudio() throws Exception {
        byte[] noise = new byte[5_000];
        new Random(3).nextBytes(noise);
        noise[0] = 0x12;
        assertRefused("noise.wav", noise, "not a WAV file: it starts with 0x12");
    }

    @Test
    void shouldRefuseATruncatedHeader() throws Exception {
        assertRefused("header.wav", Arrays.copyOf(oneSecond(), 30), "header truncated");
    }

    @Test
    void shouldRefuseAHeaderWithoutFrames() throws Exception {
        assertRefused("nodata.wav", Arrays.copyOf(oneSecond(), 44),
                "no audio frames: the header declares 16000 but the file ends before the first");
    }

    @Test
    void shouldRefuseAnEmptyDataChunk() throws Exception {
        assertRefused("silent.wav", TestWav.wav(16_000, 1, 16, TestWav.PCM, new byte[0]),
                "no audio frames: the data chunk is empty");
    }

    @Test
    void shouldRefuseCompressedWavNamingTheCodec() throws Exception {
        assertRefused("mp3.wav", TestWav.wav(16_000, 1, 16, 0x0055, new byte[3_200]),
                "WAV encoding MPEG Layer 3 (format tag 0x0055) is compressed; convert it");
    }

    @Test
    void shouldRefuseMuLawAsUnsupportedEncoding() throws Exception {
        assertRefused("ulaw.wav", TestWav.wav(8_000, 1, 8, 0x0007, new byte[800]), "encoding ULAW");
    }

    @Test
    void shouldRefuseFlacNamingIt() throws Exception {
        byte[] flac = Arrays.copyOf("fLaC".getBytes(), 100);
        assertRefused("song.flac", flac, "FLAC is compressed");
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {0, -8_000, 500, 2_000_000_000})
    void shouldRefuseASampleRateNoRecordingUses(int rate) throws Exception {
        assertRefused("rate.wav", TestWav.wav(rate, 1, 16, TestWav.PCM, new byte[3_200]), "sample rate ");
        assertRefused("rate.wav", TestWav.wav(rate, 1, 16, TestWav.PCM, new byte[3_200]), "the header is corrupt");
    }

    @Test
    void shouldRefuseFloatSamplesThatAreNotFiniteNamingTheFirst() throws Exception {
        ByteBuffer samples = ByteBuffer.allocate(4 * 1_600).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < 1_600; n++) {
            samples.putFloat(n == 800 ? Float.NaN : n == 1_000 ? Float.POSITIVE_INFINITY : n == 1_200
                    ? Float.NEGATIVE_INFINITY : 0.25f);
        }

        assertRefused("nan.wav", TestWav.wav(16_000, 1, 32, TestWav.IEEE_FLOAT, samples.array()),
                "3 frames hold NaN or infinite samples, the first is frame 800 (0.050 s); a float WAV must hold"
                        + " finite values");
    }

    @Test
    void shouldNameTheSourceOfRefusedBytes() {
        UndecodableAudioException e = assertThrows(UndecodableAudioException.class,
                () -> WavDecoder.decode(new byte[0], "s3://bucket/clip-17.wav"));

        assertTrue(e.getMessage().startsWith("cannot decode audio s3://bucket/clip-17.wav: "), e.getMessage());
    }
}
