package io.audiolens.producers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Sine-wave WAV files for producer tests, written through javax.sound. */
public final class TestAudio {

    private TestAudio() {
    }

    /** Interleaved signed 16-bit little-endian frames of a sine at {@code hertz}, the same on every channel. */
    public static byte[] sinePcm16(double seconds, double hertz, int rate, int channels) {
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < frames; n++) {
            short value = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hertz * n / rate));
            for (int c = 0; c < channels; c++) {
                pcm.putShort(value);
            }
        }
        return pcm.array();
    }

    /** Writes {@code pcm} (from {@link #sinePcm16}) as a PCM16 WAV file; returns the file. */
    public static Path writeWav(Path file, byte[] pcm, int rate, int channels) throws IOException {
        return writeWav(file, pcm, new AudioFormat(rate, 16, channels, true, false));
    }

    /** Writes {@code frames}, little-endian frames of {@code format}, as a WAV file; returns the file. */
    public static Path writeWav(Path file, byte[] frames, AudioFormat format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(frames), format,
                frames.length / format.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** A 16 kHz mono sine clip; returns its PCM bytes, which a 16 kHz mono decode gives back exactly. */
    public static byte[] writeMonoClip(Path file, double seconds, double hertz) throws IOException {
        byte[] pcm = sinePcm16(seconds, hertz, 16_000, 1);
        writeWav(file, pcm, 16_000, 1);
        return pcm;
    }
}
