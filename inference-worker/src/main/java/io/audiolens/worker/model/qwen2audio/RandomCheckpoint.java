package io.audiolens.worker.model.qwen2audio;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.audiolens.worker.checkpoint.SafetensorsWriter;
import io.audiolens.worker.prompt.WordLevelTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Qwen2-Audio checkpoint folder with random weights of a given shape (config.json,
 * model.safetensors, a word-level tokenizer.json): for benchmarks at sizes no fixture has, and as the
 * starting point of a model trained here.
 */
public final class RandomCheckpoint {
    private RandomCheckpoint() {}

    public static void write(Path folder, Qwen2AudioConfig config, long seed) throws IOException {
        Set<String> words = WordLevelTokenizer.promptVocabulary();
        if (WordLevelTokenizer.vocabularySize(words) > config.text().vocabSize()) {
            throw new IllegalArgumentException("vocab_size " + config.text().vocabSize() + " is below the "
                    + WordLevelTokenizer.vocabularySize(words) + " tokens the prompts need");
        }
        if (config.audioTokenId() != WordLevelTokenizer.SPECIAL_TOKENS.indexOf("<|AUDIO|>")) {
            throw new IllegalArgumentException("audio_token_index must be "
                    + WordLevelTokenizer.SPECIAL_TOKENS.indexOf("<|AUDIO|>") + " for the generated tokenizer");
        }
        Files.createDirectories(folder);
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            RandomWeightSource source = new RandomWeightSource(manager);
            EncoderWeights.load(source, config.audio(), config.text().width());
            DecoderWeights.load(source, config.text());
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Map.Entry<String, NDArray> e : source.tensors().entrySet()) {
                writer.put(e.getKey(), new SafetensorsWriter.Tensor("F32", e.getValue().getShape().getShape(),
                        e.getValue().toByteArray()));
            }
            writer.write(folder.resolve("model.safetensors"));
        }
        Files.writeString(folder.resolve("config.json"), config.toJson());
        Files.writeString(folder.resolve("tokenizer.json"), WordLevelTokenizer.json(words));
    }
}
