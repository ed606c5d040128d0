package io.audiolens.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.DoubleUnaryOperator;

/** Builds WAV files byte by byte, independently of javax.sound, for decoder tests. */
final class TestWav {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;

    private TestWav() {
    }

    /** A WAV whose every channel of frame n holds {@code gain[c] · signal(n / rate)}, quantised to {@code bits}. */
    static byte[] tone(int rate, int bits, int formatTag, double seconds, DoubleUnaryOperator signal, double... gain) {
        int channels = gain.length;
        int frames = (int) Math.round(seconds * rate);
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < frames; n++) {
            double value = signal.applyAsDouble(n / (double) rate);
            for (int c = 0; c < channels; c++) {
                putSample(data, bits, formatTag, gain[c] * value);
            }
        }
        return wav(rate, channels, bits, formatTag, data.array());
    }

    /** A 16 kHz mono PCM16 WAV holding exactly {@code samples}. */
    static byte[] pcm16(short[] samples) {
        ByteBuffer data = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            data.putShort(s);
        }
        return wav(16_000, 1, 16, PCM, data.array());
    }

    /** A canonical 44-byte header followed by {@code data}. */
    static byte[] wav(int rate, int channels, int bits, int formatTag, byte[] data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        wav.put("data".getBytes()).putInt(data.length).put(data);
        return wav.array();
    }

    private static void putSample(ByteBuffer data, int bits, int formatTag, double value) {
        if (formatTag == IEEE_FLOAT) {
            data.putFloat((float) value);
            return;
        }
        long full = 1L << (bits - 1);
        long q = Math.max(-full, Math.min(full - 1, Math.round(value * full)));
        switch (bits) {
            case 8 -> data.put((byte) (q + 128));
            case 16 -> data.putShort((short) q);
            case 24 -> data.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            case 32 -> data.putInt((int) q);
            default -> throw new IllegalArgumentException(bits + "-bit PCM: use 8, 16, 24 or 32");
        }
    }
}
