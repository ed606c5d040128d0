package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.audiolens.audio.UndecodableAudioException;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.api.training.LabelledClip;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One distinct recording, heard once however many tracks list it: its log-mel features cut to the
 * columns the encoder reads, and every label it carries. M mel bins, F' encoder input frames.
 *
 * @param features (M, F') row-major
 * @param frames real mel frames, which set the audio token count
 */
record TrainingClip(String name, float[] features, int melBins, int frames, Map<Attribute, String> labels) {

    /**
     * A clip as the encoder hears it at one step.
     *
     * @param features (M, F')
     * @param frames real mel frames among them, which set the audio token count
     */
    record Heard(NDArray features, int frames) {}

    /** The clip as it was recorded. */
    Heard heard(NDManager manager) {
        return new Heard(manager.create(features, new Shape(melBins, features.length / melBins)), frames);
    }

    /** The clip as another speaker, synthesizer and recording might give it ({@link FeatureAugmentation}). */
    Heard augmented(NDManager manager, double channelProbability, Random random) {
        FeatureAugmentation.Augmented changed =
                FeatureAugmentation.apply(features, melBins, frames, channelProbability, random);
        return new Heard(manager.create(changed.features(),
                new Shape(melBins, changed.features().length / melBins)), changed.frames());
    }

    /** Decodes each file once: the same bytes listed by several tracks become one clip with all their labels. */
    static List<TrainingClip> load(List<LabelledClip> listed, WhisperLogMel logMel) {
        Map<String, TrainingClip> byContent = new LinkedHashMap<>();   // unlabelled, by SHA-256 of the file
        Map<String, Map<Attribute, String>> labels = new LinkedHashMap<>();
        for (LabelledClip clip : listed) {
            byte[] bytes = read(clip);
            String content = digest(bytes);
            TrainingClip known = byContent.computeIfAbsent(content, c -> decode(clip, bytes, logMel));
            String earlier = labels.computeIfAbsent(content, c -> new LinkedHashMap<>())
                    .putIfAbsent(clip.attribute(), clip.label());
            if (earlier != null && !earlier.equals(clip.label())) {
                throw new IllegalArgumentException(clip.file() + " (the same audio as " + known.name() + ") is labelled "
                        + clip.attribute().name() + " '" + earlier + "' and '" + clip.label() + "'; fix the metadata");
            }
        }
        List<TrainingClip> clips = new ArrayList<>();
        byContent.forEach((content, clip) -> clips.add(new TrainingClip(clip.name(), clip.features(), clip.melBins(),
                clip.frames(), Collections.unmodifiableMap(labels.get(content)))));
        return clips;
    }

    private static TrainingClip decode(LabelledClip clip, byte[] bytes, WhisperLogMel logMel) {
        LogMelFeatures all;
        try {
            all = logMel.extract(WavDecoder.decode(bytes, clip.file().toString()).waveform());
        } catch (UndecodableAudioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        int used = Math.min(WhisperLogMel.FRAMES, Qwen2AudioConfig.encoderInputFrames(all.realFrames()));
        float[] cut = new float[all.melBins() * used];
        for (int m = 0; m < all.melBins(); m++) {
            System.arraycopy(all.values(), m * WhisperLogMel.FRAMES, cut, m * used, used);
        }
        return new TrainingClip(clip.file().getFileName().toString(), cut, all.melBins(), all.realFrames(), Map.of());
    }

    private static byte[] read(LabelledClip clip) {
        try {
            return Files.readAllBytes(clip.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + clip.file() + ": " + e.getMessage(), e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
