package io.audiolens.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Reads interleaved PCM frames of one {@link AudioFormat} as mono samples in [-1, 1): each channel is
 * scaled by 2^(bits−1) (integers) or taken as is (floats), then the channels are averaged.
 */
final class MonoMixer {

    private enum Kind { SIGNED, UNSIGNED, FLOAT }

    private final Kind kind;
    private final int channels;
    private final int bytesPerSample;
    private final boolean bigEndian;
    private final double scale;

    private MonoMixer(Kind kind, int channels, int bytesPerSample, boolean bigEndian) {
        this.kind = kind;
        this.channels = channels;
        this.bytesPerSample = bytesPerSample;
        this.bigEndian = bigEndian;
        this.scale = 1.0 / (1L << (8 * bytesPerSample - 1));
    }

    /** A mixer for {@code format}, or the reason it cannot be read, naming {@code source}. */
    static MonoMixer forFormat(AudioFormat format, String source) throws UndecodableAudioException {
        int channels = format.getChannels();
        int bits = format.getSampleSizeInBits();
        if (channels < 1 || bits < 1 || format.getFrameSize() != channels * ((bits + 7) / 8)) {
            throw new UndecodableAudioException(source, "inconsistent header: " + format);
        }
        int bytes = bits / 8;
        AudioFormat.Encoding encoding = format.getEncoding();
        Kind kind;
        if (AudioFormat.Encoding.PCM_SIGNED.equals(encoding) && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            kind = Kind.SIGNED;
        } else if (AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding) && (bits == 8 || bits == 16)) {
            kind = Kind.UNSIGNED;
        } else if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding) && (bits == 32 || bits == 64)) {
            kind = Kind.FLOAT;
        } else {
            throw new UndecodableAudioException(source, "encoding " + encoding + " with " + bits
                    + "-bit samples is not supported (only 8/16/24/32-bit integer PCM and 32/64-bit float PCM);"
                    + " convert it, e.g. ffmpeg -i IN -ac 1 -ar 16000 -c:a pcm_s16le OUT.wav");
        }
        return new MonoMixer(kind, channels, bytes, format.isBigEndian());
    }

    int frameSize() {
        return channels * bytesPerSample;
    }

    /** Mixes {@code frames} whole frames from {@code data} into {@code out[0..frames)}. */
    void mix(byte[] data, int frames, double[] out) {
        int offset = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(data, offset);
                offset += bytesPerSample;
            }
            out[f] = sum / channels;
        }
    }

    private double sample(byte[] data, int offset) {
        long raw = 0;
        for (int b = 0; b < bytesPerSample; b++) {
            int index = bigEndian ? offset + b : offset + bytesPerSample - 1 - b;
            raw = (raw << 8) | (data[index] & 0xFF);
        }
        int bits = 8 * bytesPerSample;
        return switch (kind) {
            case SIGNED -> (raw << (64 - bits) >> (64 - bits)) * scale;
            case UNSIGNED -> (raw - (1L << (bits - 1))) * scale;
            case FLOAT -> bits == 32 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        };
    }
}
