package io.audiolens.worker.model.qwen2audio;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.api.ModelShape;
import io.audiolens.worker.model.api.RandomModels;
import io.audiolens.worker.model.api.training.TinyTraining;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.Flops;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.model.qwen2audio.training.Qwen2AudioTinyTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Qwen2-Audio(-7B-Instruct): HF layout, {@code model_type: qwen2_audio}, {@code tokenizer.json}. */
public final class Qwen2AudioFamily implements ModelFamily, RandomModels {
    static final String ID = "qwen2-audio";
    private static final TinyTraining TINY_TRAINING = new Qwen2AudioTinyTraining();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Qwen2-Audio (model_type qwen2_audio: HF config.json, *.safetensors, tokenizer.json)";
    }

    @Override
    public boolean recognises(JsonNode config) {
        return config.path("model_type").asText("").equals("qwen2_audio");
    }

    @Override
    public AudioLanguageModel load(Path folder, Map<String, Path> innerModels, Device device, DataType computeType) {
        Checkpoint checkpoint = Checkpoint.open(folder);
        HfTokenizer tokenizer = HfTokenizer.load(checkpoint.file("tokenizer.json"));
        try {
            Qwen2AudioPrompts prompts = new Qwen2AudioPrompts(tokenizer);
            Qwen2AudioModel model = Qwen2AudioModel.load(checkpoint, device, computeType);
            try {
                return new Qwen2AudioLanguageModel(model, prompts);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public Optional<RandomModels> randomModels() {
        return Optional.of(this);
    }

    @Override
    public Optional<TinyTraining> tinyTraining() {
        return Optional.of(TINY_TRAINING);
    }

    @Override
    public void writeRandom(Path folder, ModelShape shape, long seed) throws IOException {
        RandomCheckpoint.write(folder, randomConfig(shape), seed);
    }

    @Override
    public double forwardFlops(ModelShape shape, int samples, int promptTokens) {
        Qwen2AudioConfig c = randomConfig(shape);
        int frames = (samples + 159) / 160;
        int positions = Qwen2AudioConfig.encoderPositions(frames);
        AudioEncoderConfig a = c.audio();
        return Flops.whisperEncoder(a.width(), a.ffnWidth(), a.layers(), a.melBins(), 2 * positions + 1, positions)
                + 2.0 * a.width() * c.text().width() * Qwen2AudioConfig.audioTokens(frames) // projector
                + Flops.decoder(c.text(), promptTokens);
    }

    /** 128 mels, a 32,768-token vocabulary, half as many key/value heads as query heads (grouped queries on purpose). */
    private static Qwen2AudioConfig randomConfig(ModelShape shape) {
        int w = shape.width();
        int heads = shape.heads();
        return new Qwen2AudioConfig(
                new AudioEncoderConfig(128, shape.encoderLayers(), heads, w, 4 * w, 1500, "gelu"),
                new DecoderConfig("text_config.", 32768, w, 3 * w, shape.decoderLayers(), heads, Math.max(1, heads / 2),
                        64, 1e-6, 1e6, false),
                WordLevelTokenizer.SPECIAL_TOKENS.indexOf(Qwen2AudioChatTemplate.AUDIO_TOKEN));
    }
}
