package io.audiolens.worker.model.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

    static WhisperGenerationConfig fromJson(JsonNode g, int targetPositions) {
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
        return new WhisperGenerationConfig(g.path("decoder_start_token_id").asInt(), g.path("eos_token_id").asInt(),
                languages, forcedLanguage, task, g.path("no_timestamps_token_id").asInt(), ids(g.path("suppress_tokens")),
                ids(g.path("begin_suppress_tokens")), Math.min(g.path("max_length").asInt(targetPositions), targetPositions));
    }

    private static int[] ids(JsonNode array) {
        List<Integer> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asInt()));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
