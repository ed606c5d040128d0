package io.audiolens.worker.model.qwen2audio;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a Qwen2-Audio checkpoint folder with random weights of a given shape (config.json,
 * model.safetensors, a word-level tokenizer.json): for benchmarks at sizes no fixture has.
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
        try (Qwen2AudioModel model = Qwen2AudioModel.initialise(config, Device.cpu(), seed)) {
            model.save(folder);
        }
        Files.writeString(folder.resolve("tokenizer.json"), WordLevelTokenizer.json(words));
    }
}
