package io.audiolens.worker.lens;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixBatch;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.LabelTokens;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model runtime as the rest of the system sees it: a checkpoint of any supported family (a folder, or
 * a hub name resolved in the local Hugging Face cache: {@link ModelLocation}) loaded once, and per clip a
 * {@link ClipSession} that runs the audio side once and answers any number of prompts, views and
 * enrichments from it.
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

    /**
     * Loads the model's folder with the family its config.json names; the model is named as {@code model} says:
     * after its folder, or NAME of a hub name {@code ORG/NAME}.
     */
    public static LensRuntime load(ModelLocation model, ComputeDevice compute, LabelTokenMode mode) {
        return new LensRuntime(model.name(), ModelFamilies.load(model.folder(), model.innerModels(), compute.device(),
                compute.dataType()), mode);
    }

    /** Loads a checkpoint folder, named after the folder. */
    public static LensRuntime load(Path modelFolder, Device device, DataType computeType, LabelTokenMode mode) {
        return load(ModelLocation.folder(modelFolder), new ComputeDevice(device, computeType), mode);
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

    /**
     * Several prompts, about one clip or several, read together: their prefixes run as one padded decoder
     * pass and their last-token rows (plain, audio-masked) as one batch per layer, so a device sees B
     * prompts' work per call instead of one's. Each report equals what {@link ClipSession#analyze} gives
     * the prompt alone, within the rounding of larger matrix products (1e-5 relative). Padding costs work
     * of the longest prompt for every prompt: batch prompts of about one length.
     *
     * @return the reports in the order of {@code prompts}
     */
    public List<LensReport> analyze(List<PromptRequest> prompts) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        try (NDManager scope = model.newCallManager()) {
            List<PromptInput> inputs = prompts.stream()
                    .map(r -> r.clip().prompt(scope, r.attribute(), r.format())).toList();
            Decoder decoder = model.decoder();
            PrefixBatch prefixes = decoder.prefill(inputs.stream()
                    .map(in -> in.embeddings().get(new NDIndex(":{}", in.length() - 1))).toList());
            List<LastTokenStates> last = decoder.extend(prefixes,
                    inputs.stream().map(in -> in.embeddings().get(in.length() - 1)).toList(),
                    inputs.stream().map(PromptInput::audioPositions).toList(), LastTokenVariants.of(true, List.of()));
            List<LensReport> reports = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                PromptRequest r = prompts.get(i);
                reports.add(r.clip().report(r.attribute(), r.format(), inputs.get(i), prefixes.prompt(i), last.get(i)));
            }
            return reports;
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
