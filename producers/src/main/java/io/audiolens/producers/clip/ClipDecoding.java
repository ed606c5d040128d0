package io.audiolens.producers.clip;

import io.audiolens.audio.DecodedAudio;
import io.audiolens.audio.UndecodableAudioException;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.Split;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes a checked clip to 16 kHz mono PCM16 and wraps it as an {@link AudioSample}. */
public final class ClipDecoding {

    private static final Logger LOG = LoggerFactory.getLogger(ClipDecoding.class);

    private ClipDecoding() {
    }

    /** The clip's audio; what the decoder cut, repaired or converted is logged as a warning naming the file. */
    public static DecodedAudio decode(CheckedClip clip) throws ClipRejected {
        try {
            DecodedAudio audio = WavDecoder.decode(clip.file());
            audio.warnings().forEach(warning -> LOG.warn("{}: {}", clip.file(), warning));
            return audio;
        } catch (UndecodableAudioException e) {
            throw new ClipRejected(e.reason());
        }
    }

    /** Whether decoding changed the sample rate or the channel count. */
    public static boolean wasConverted(DecodedAudio audio) {
        return audio.sourceSampleRate() != DecodedAudio.SAMPLE_RATE || audio.sourceChannels() != 1;
    }

    /** {@code pcm16}: the clip's decoded audio, 16 kHz mono, possibly shifted on purpose. */
    public static AudioSample toSample(CheckedClip clip, short[] pcm16, Split split) {
        return AudioSample.newBuilder()
                .setSampleId(clip.sampleId())
                .setDataset(clip.listed().dataset())
                .setAttribute(clip.attribute().name())
                .setLabel(clip.label().orElse(null))
                .setSplit(split)
                .setSampleRate(DecodedAudio.SAMPLE_RATE)
                .setPcm16(littleEndian(pcm16))
                .setDurationSeconds(pcm16.length / (double) DecodedAudio.SAMPLE_RATE)
                .setSource(clip.file().toString())
                .build();
    }

    private static ByteBuffer littleEndian(short[] pcm16) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * pcm16.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm16);
        return bytes;
    }
}
