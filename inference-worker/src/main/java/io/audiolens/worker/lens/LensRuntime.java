package io.audiolens.worker.lens;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.prompt.PromptTokenizer;
import io.audiolens.worker.prompt.Qwen2AudioChatTemplate;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model runtime as the rest of the system sees it: a checkpoint folder loaded once (weights,
 * tokenizer), and per clip a {@link ClipSession} that encodes the audio once and answers any number of
 * prompts, views and enrichments from it.
 */
public final class LensRuntime implements AutoCloseable {
    private final String modelName;
    private final Qwen2AudioModel model;
    private final PromptTokenizer tokenizer;
    private final long audioTokenId;
    private final LabelTokenMode labelTokenMode;
    private final Map<String, int[]> labelTokens = new ConcurrentHashMap<>();
    private final WhisperLogMel logMel;

    private LensRuntime(String modelName, Qwen2AudioModel model, PromptTokenizer tokenizer, LabelTokenMode mode) {
        this.modelName = modelName;
        this.model = model;
        this.tokenizer = tokenizer;
        this.labelTokenMode = mode;
        this.logMel = new WhisperLogMel(model.config().audio().melBins());
        this.audioTokenId = tokenizer.singleTokenId(Qwen2AudioChatTemplate.AUDIO_TOKEN);
        if (audioTokenId != model.config().audioTokenId()) {
            throw new IllegalArgumentException("tokenizer.json has <|AUDIO|> = " + audioTokenId
                    + " but config.json says audio_token_index = " + model.config().audioTokenId());
        }
    }

    public static LensRuntime load(Path modelFolder, Device device, DataType computeType, LabelTokenMode mode) {
        Checkpoint checkpoint = Checkpoint.open(modelFolder);
        PromptTokenizer tokenizer = PromptTokenizer.load(checkpoint.file("tokenizer.json"));
        try {
            Qwen2AudioModel model = Qwen2AudioModel.load(checkpoint, device, computeType);
            return new LensRuntime(modelFolder.toAbsolutePath().normalize().getFileName().toString(), model, tokenizer,
                    mode);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    public String modelName() {
        return modelName;
    }

    public int layers() {
        return model.config().text().layers();
    }

    public int melBins() {
        return model.config().audio().melBins();
    }

    public Qwen2AudioModel model() {
        return model;
    }

    /** Encodes one clip from its 16 kHz waveform (pcm16 / 32768); the session owns the clip's native memory. */
    public ClipSession open(float[] waveform) {
        LogMelFeatures features = logMel.extract(waveform);
        return open(features.values(), features.realFrames());
    }

    /**
     * Encodes one clip from its log-mel features (M × 3000, row-major) with {@code frames} real frames.
     * The session owns the clip's native memory: close it when done.
     */
    public ClipSession open(float[] features, int frames) {
        NDManager clip = model.newCallManager();
        try (NDManager encoderScope = clip.newSubManager()) {
            int melBins = melBins();
            NDArray audio = model.audioEmbeddings(
                    encoderScope.create(features, new Shape(melBins, features.length / melBins)), frames);
            audio.attach(clip);
            return new ClipSession(this, clip, audio);
        } catch (RuntimeException e) {
            clip.close();
            throw e;
        }
    }

    long[] promptIds(Attribute attribute, PromptFormat format, int audioTokens) {
        return tokenizer.encodePrompt(Qwen2AudioChatTemplate.render(attribute, format), audioTokenId, audioTokens);
    }

    long audioTokenId() {
        return audioTokenId;
    }

    /** Label first-token ids, checked once per attribute for collisions. */
    public int[] labelTokenIds(Attribute attribute) {
        return labelTokens.computeIfAbsent(attribute.name(),
                k -> tokenizer.labelTokenIds(attribute.labels(), labelTokenMode)).clone();
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
