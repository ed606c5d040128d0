package io.audiolens.worker.model.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Whisper's {@code generate} takes from {@code generation_config.json} when it is called with nothing
 * else (as DeSTA2 calls it): the start token, the languages it may detect, the task forced at position 2,
 * the no-timestamps token, the tokens suppressed at every step and at the first, the end token and the
 * length limit (init tokens included).
 */
record WhisperGenerationConfig(int decoderStartTokenId, int eosTokenId, Map<String, Integer> languages,
        Integer forcedLanguage, int task, int noTimestampsTokenId, int[] suppressTokens, int[] beginSuppressTokens,
        int maxLength) {

    static WhisperGenerationConfig fromJson(JsonNode g, WhisperConfig model) {
        Map<String, Integer> languages = new LinkedHashMap<>();
        g.path("lang_to_id").fields().forEachRemaining(e -> languages.put(e.getKey(), e.getValue().asInt()));
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("generation_config.json has no lang_to_id; DeSTA2 runs a multilingual "
                    + "Whisper, whose generation config lists its language tokens");
        }
        Integer forcedLanguage = null;
        int task = g.path("task_to_id").path("transcribe").asInt(-1);
        for (JsonNode forced : g.path("forced_decoder_ids")) {
            if (forced.get(0).asInt() == 1 && !forced.get(1).isNull()) {
                forcedLanguage = forced.get(1).asInt();
            } else if (forced.get(0).asInt() == 2 && !forced.get(1).isNull()) {
                task = forced.get(1).asInt();
            }
        }
        if (task < 0) {
            throw new IllegalArgumentException("generation_config.json names no transcribe task (task_to_id or "
                    + "forced_decoder_ids at position 2)");
        }
        WhisperGenerationConfig config = new WhisperGenerationConfig(required(g, "decoder_start_token_id"),
                required(g, "eos_token_id"), languages, forcedLanguage, task, required(g, "no_timestamps_token_id"),
                ids(g.path("suppress_tokens")), ids(g.path("begin_suppress_tokens")),
                Math.min(g.path("max_length").asInt(DEFAULT_MAX_LENGTH), model.targetPositions()));
        config.checkIds(model.vocabSize());
        return config;
    }

    /** transformers' {@code GenerationConfig.max_length} when the file sets none. */
    private static final int DEFAULT_MAX_LENGTH = 20;

    private static int required(JsonNode g, String field) {
        if (!g.path(field).isInt()) {
            throw new IllegalArgumentException("generation_config.json: " + field + " is " + (g.has(field)
                    ? g.path(field) + ", not one token id" : "missing") + "; Whisper's generate needs it");
        }
        return g.path(field).asInt();
    }

    private void checkIds(int vocabSize) {
        List<Integer> all = new ArrayList<>(List.of(decoderStartTokenId, eosTokenId, task, noTimestampsTokenId));
        all.addAll(languages.values());
        Arrays.stream(suppressTokens).forEach(all::add);
        Arrays.stream(beginSuppressTokens).forEach(all::add);
        all.stream().filter(id -> id < 0 || id >= vocabSize).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("generation_config.json names token id " + id + ", outside the "
                    + "model's vocabulary of " + vocabSize + "; the generation config and the checkpoint do not belong "
                    + "together");
        });
    }

    private static int[] ids(JsonNode array) {
        List<Integer> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asInt()));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
