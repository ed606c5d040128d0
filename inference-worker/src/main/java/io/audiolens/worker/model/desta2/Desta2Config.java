package io.audiolens.worker.model.desta2;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.model.common.ConfigChecks;
import java.util.List;

/**
 * DeSTA2's {@code config.json} ({@code Desta2Config}, {@code model_type: DestaModel}): the hub ids of its
 * Whisper and its Llama, and the number of audio vectors the connector makes. The tapped Whisper layers
 * follow from the Whisper id exactly as DeSTA2's {@code QformerConnector} picks them.
 */
record Desta2Config(String whisperId, String llamaId, int promptSize) {

    static final String MODEL_TYPE = "DestaModel";

    Desta2Config {
        ConfigChecks.positive("prompt_size", promptSize);
        taps(whisperId); // fail at load for an id DeSTA2 itself does not support
    }

    static Desta2Config fromJson(JsonNode root) {
        String type = root.path("model_type").asText("");
        if (!type.equals(MODEL_TYPE)) {
            throw new IllegalArgumentException("config.json has model_type '" + type + "'; a DeSTA2 folder has '"
                    + MODEL_TYPE + "'");
        }
        return new Desta2Config(root.path("whisper_model_id").asText("openai/whisper-small"),
                root.path("llama_model_id").asText("meta-llama/Meta-Llama-3-8B-Instruct"),
                root.path("prompt_size").asInt(64));
    }

    /** The encoder hidden states the connector reads ({@code target_layer_ids}). */
    List<Integer> taps() {
        return taps(whisperId);
    }

    private static List<Integer> taps(String whisperId) {
        return switch (whisperId) {
            case "openai/whisper-medium" -> List.of(5, 11, 17, 23);
            case "openai/whisper-small" -> List.of(2, 5, 8, 11);
            case "openai/whisper-tiny" -> List.of(0, 1, 2, 3);
            case "openai/whisper-large-v3" -> List.of(3, 7, 11, 15, 19, 23, 27, 31);
            default -> throw new IllegalArgumentException("config.json: whisper_model_id '" + whisperId + "' is not one "
                    + "DeSTA2 supports; its connector taps layers only for openai/whisper-tiny, openai/whisper-small, "
                    + "openai/whisper-medium and openai/whisper-large-v3");
        };
    }
}
