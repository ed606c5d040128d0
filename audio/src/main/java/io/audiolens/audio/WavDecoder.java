package io.audiolens.audio;

import static io.audiolens.audio.DecodedAudio.MAX_SAMPLES;
import static io.audiolens.audio.DecodedAudio.MAX_SECONDS;
import static io.audiolens.audio.DecodedAudio.SAMPLE_RATE;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Decodes WAV (and the other PCM containers javax.sound reads: AIFF, AU) into a {@link DecodedAudio}:
 * 8/16/24/32-bit integer or 32/64-bit float PCM, channels averaged to mono, resampled to 16 kHz by
 * {@link Resampler}, cut to 30 s. A 16 kHz mono PCM16 file comes out bit-exact.
 *
 * <p>A file cut short inside its data chunk decodes the whole frames that are present, with a warning
 * naming both lengths; a file that ends before its first frame is refused. So are a sample rate outside
 * {@value #MIN_RATE}–{@value #MAX_RATE} Hz (a corrupt header: no recording uses one, and the resampler's
 * filter for a rate far above that would not fit in memory) and float samples that are NaN or infinite.
 */
public final class WavDecoder {

    private static final int READ_FRAMES = 16_384;
    static final int MIN_RATE = 1_000;
    static final int MAX_RATE = 384_000;

    private WavDecoder() {
    }

    /** Decodes {@code file}; only the first 30 s (plus the resampler's reach) are held in memory. */
    public static DecodedAudio decode(Path file) throws UndecodableAudioException {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UndecodableAudioException(source, "cannot read the file (" + e + ")", e);
        }
        return decode(() -> new BufferedInputStream(Files.newInputStream(file)), source, size);
    }

    /** Decodes {@code bytes}; {@code source} names them in errors (a path, a URI, a key). */
    public static DecodedAudio decode(byte[] bytes, String source) throws UndecodableAudioException {
        return decode(() -> new ByteArrayInputStream(bytes), source, bytes.length);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static DecodedAudio decode(Opener opener, String source, long size) throws UndecodableAudioException {
        if (size == 0) {
            throw new UndecodableAudioException(source, "the file is empty (0 bytes)");
        }
        try (InputStream raw = opener.open(); AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            return decode(in, source);
        } catch (UnsupportedAudioFileException | EOFException e) {
            throw new UndecodableAudioException(source, HeaderDiagnosis.explain(head(opener, source)), e);
        } catch (IOException e) {
            throw new UndecodableAudioException(source, "reading failed (" + e + ")", e);
        }
    }

    private static DecodedAudio decode(AudioInputStream in, String source)
            throws IOException, UndecodableAudioException {
        AudioFormat format = in.getFormat();
        int rate = sampleRate(format, source);
        MonoMixer mixer = MonoMixer.forFormat(format, source);
        Resampler resampler = new Resampler(rate, SAMPLE_RATE);
        FramesRead frames = readFrames(in, mixer.frameSize(), resampler.inputNeeded(MAX_SAMPLES));
        long declared = in.getFrameLength();
        if (frames.total() == 0) {
            throw new UndecodableAudioException(source, declared > 0
                    ? "no audio frames: the header declares " + declared + " but the file ends before the first"
                    : "no audio frames: the data chunk is empty");
        }
        List<String> warnings = new ArrayList<>();
        double originalSeconds = frames.total() / (double) rate;
        if (declared != AudioSystem.NOT_SPECIFIED && frames.total() < declared) {
            warnings.add(String.format(Locale.ROOT, "file truncated: the header declares %d frames (%.2f s) but only"
                    + " %d (%.2f s) are present; decoded those", declared, declared / (double) rate,
                    frames.total(), originalSeconds));
        }
        long fullLength = resampler.outputLength(frames.total());
        boolean wasCut = fullLength > MAX_SAMPLES;
        if (wasCut) {
            warnings.add(String.format(Locale.ROOT, "cut from %.2f s to %d s, the most a model takes",
                    originalSeconds, MAX_SECONDS));
        }
        double[] mono = new double[frames.kept().length / mixer.frameSize()];
        mixer.mix(frames.kept(), mono.length, mono);
        requireFinite(mono, rate, source);
        double[] resampled = resampler.resample(mono, (int) Math.min(fullLength, MAX_SAMPLES));
        short[] pcm16 = toPcm16(resampled, warnings);
        return DecodedAudio.of(pcm16, rate, format.getChannels(), originalSeconds, wasCut, warnings);
    }

    private static int sampleRate(AudioFormat format, String source) throws UndecodableAudioException {
        float rate = format.getSampleRate();
        if (!(rate >= 1) || rate != Math.rint(rate)) {
            throw new UndecodableAudioException(source, "sample rate " + rate + " Hz is not a positive whole number;"
                    + " the header is corrupt");
        }
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw new UndecodableAudioException(source, String.format(Locale.ROOT, "sample rate %.0f Hz is outside"
                    + " %d–%d Hz, which no recording uses; the header is corrupt, or convert the file, e.g. ffmpeg -i IN"
                    + " -ac 1 -ar 16000 -c:a pcm_s16le OUT.wav", rate, MIN_RATE, MAX_RATE));
        }
        return (int) rate;
    }

    /** Float PCM may hold NaN or ±∞, which no resampling or rounding can turn into a sample. */
    private static void requireFinite(double[] mono, int rate, String source) throws UndecodableAudioException {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < mono.length; i++) {
            if (!Double.isFinite(mono[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new UndecodableAudioException(source, String.format(Locale.ROOT, "%d frames hold NaN or infinite"
                    + " samples, the first is frame %d (%.3f s); a float WAV must hold finite values: fix or re-export"
                    + " the file", bad, first, first / (double) rate));
        }
    }

    /** The first {@code keepFrames} frames' bytes, and how many whole frames the stream holds in all. */
    private record FramesRead(byte[] kept, long total) {
    }

    private static FramesRead readFrames(AudioInputStream in, int frameSize, long keepFrames) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long keepBytes = keepFrames * frameSize;
        long totalBytes = 0;
        byte[] buffer = new byte[READ_FRAMES * frameSize];
        for (int n; (n = in.read(buffer)) > 0; totalBytes += n) {
            kept.write(buffer, 0, (int) Math.max(0, Math.min(n, keepBytes - totalBytes)));
        }
        return new FramesRead(kept.toByteArray(), totalBytes / frameSize);
    }

    /** Rounds to PCM16; full scale maps to 32767, and only samples beyond full scale count as clipped. */
    private static short[] toPcm16(double[] samples, List<String> warnings) {
        short[] pcm16 = new short[samples.length];
        int clipped = 0;
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > 1) {
                clipped++;
            }
            pcm16[i] = (short) Math.max(-32768, Math.min(32767, Math.rint(samples[i] * 32768)));
        }
        if (clipped > 0) {
            warnings.add(clipped + " samples beyond full scale were clipped");
        }
        return pcm16;
    }

    private static byte[] head(Opener opener, String source) throws UndecodableAudioException {
        try (InputStream in = opener.open()) {
            return in.readNBytes(HeaderDiagnosis.HEAD_BYTES);
        } catch (IOException e) {
            throw new UndecodableAudioException(source, "reading failed (" + e + ")", e);
        }
    }
}
