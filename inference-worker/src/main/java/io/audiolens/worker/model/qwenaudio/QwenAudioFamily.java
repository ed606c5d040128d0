package io.audiolens.worker.model.qwenaudio;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.api.ModelShape;
import io.audiolens.worker.model.api.RandomModels;
import io.audiolens.worker.model.common.Flops;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Qwen-Audio-Chat: its released layout, {@code model_type: qwen} with an {@code audio} section, {@code qwen.tiktoken}. */
public final class QwenAudioFamily implements ModelFamily, RandomModels {
    static final String ID = "qwen-audio";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Qwen-Audio-Chat (model_type qwen with an audio section: config.json, *.safetensors, qwen.tiktoken)";
    }

    @Override
    public boolean recognises(JsonNode config) {
        return QwenAudioConfig.describes(config);
    }

    @Override
    public AudioLanguageModel load(Path folder, Map<String, Path> innerModels, Device device, DataType computeType) {
        Checkpoint checkpoint = Checkpoint.open(folder);
        Path tiktoken = folder.resolve("qwen.tiktoken");
        if (!Files.isRegularFile(tiktoken)) {
            throw new CheckpointException("Qwen-Audio-Chat folder " + folder + " has no qwen.tiktoken, the tokenizer "
                    + "file of the release; copy it from the model's repository (Qwen/Qwen-Audio-Chat) into the folder");
        }
        return QwenAudioModel.load(checkpoint, QwenTokenizer.load(tiktoken), device, computeType);
    }

    @Override
    public Optional<RandomModels> randomModels() {
        return Optional.of(this);
    }

    @Override
    public void writeRandom(Path folder, ModelShape shape, long seed) throws IOException {
        RandomQwenAudio.write(folder, shape, seed);
    }

    @Override
    public double forwardFlops(ModelShape shape, int samples, int promptTokens) {
        QwenAudioConfig c = RandomQwenAudio.config(shape);
        int frames = samples / 160;
        int positions = QwenAudioEncoder.positions(frames);
        QwenAudioConfig.Audio a = c.audio();
        return Flops.whisperEncoder(a.width(), 4 * a.width(), a.layers(), a.melBins(), 2 * positions, positions)
                + 2.0 * a.width() * a.outputWidth() * QwenAudioEncoder.audioTokens(frames) // projection
                + Flops.decoder(c.text(), promptTokens);
    }
}
