package io.audiolens.worker.lens;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.LabelTokens;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model runtime as the rest of the system sees it: a checkpoint folder of any supported family
 * loaded once, and per clip a {@link ClipSession} that runs the audio side once and answers any number
 * of prompts, views and enrichments from it.
 */
public final class LensRuntime implements AutoCloseable {
    private final String modelName;
    private final AudioLanguageModel model;
    private final LabelTokenMode labelTokenMode;
    private final Map<String, int[]> labelTokens = new ConcurrentHashMap<>();

    private LensRuntime(String modelName, AudioLanguageModel model, LabelTokenMode mode) {
        this.modelName = modelName;
        this.model = model;
        this.labelTokenMode = mode;
    }

    /** Loads {@code modelFolder} with the family its config.json names; the model is named after the folder. */
    public static LensRuntime load(Path modelFolder, Device device, DataType computeType, LabelTokenMode mode) {
        String name = modelFolder.toAbsolutePath().normalize().getFileName().toString();
        return new LensRuntime(name, ModelFamilies.load(modelFolder, device, computeType), mode);
    }

    public String modelName() {
        return modelName;
    }

    /** The model's family: {@code qwen2-audio}, {@code qwen-audio}, ... */
    public String family() {
        return model.family();
    }

    public int layers() {
        return model.layers();
    }

    AudioLanguageModel model() {
        return model;
    }

    /** Encodes one clip from its 16 kHz waveform (pcm16 / 32768); the session owns the clip's native memory. */
    public ClipSession open(float[] waveform) {
        return open(model.features(waveform));
    }

    /** Encodes one clip from its features; the session owns the clip's native memory: close it when done. */
    public ClipSession open(LogMelFeatures features) {
        NDManager clip = model.newCallManager();
        try {
            EncodedClip encoded = model.encode(clip, features);
            return new ClipSession(this, clip, encoded);
        } catch (RuntimeException e) {
            clip.close();
            throw e;
        }
    }

    /** Label first-token ids, checked once per attribute for collisions. */
    public int[] labelTokenIds(Attribute attribute) {
        return labelTokens.computeIfAbsent(attribute.name(),
                k -> LabelTokens.firstTokens(model.tokenizer(), attribute.labels(), labelTokenMode)).clone();
    }

    @Override
    public void close() {
        model.close();
    }
}
