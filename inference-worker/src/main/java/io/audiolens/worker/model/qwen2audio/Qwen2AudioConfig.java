package io.audiolens.worker.model.qwen2audio;

import com.fasterxml.jackson.databind.JsonNode;

/** A Qwen2-Audio checkpoint's {@code config.json}: encoder, decoder and the {@code <|AUDIO|>} token id. */
public record Qwen2AudioConfig(AudioEncoderConfig audio, TextConfig text, int audioTokenId) {

    public static Qwen2AudioConfig fromJson(JsonNode root) {
        String type = root.path("model_type").asText("");
        if (!type.equals("qwen2_audio")) {
            throw new IllegalArgumentException("config.json has model_type '" + type
                    + "'; this runtime implements 'qwen2_audio' (Qwen2-Audio) checkpoints");
        }
        boolean tie = root.path("tie_word_embeddings").asBoolean(false);
        return new Qwen2AudioConfig(
                AudioEncoderConfig.fromJson(root.path("audio_config")),
                TextConfig.fromJson(root.path("text_config"), tie),
                root.path("audio_token_index").asInt(151646));
    }

    /**
     * Audio tokens for {@code frames} real mel frames: conv2 halves (stride 2, kernel 3, padding 1), the
     * average pool halves again (kernel 2, stride 2). 5 s = 500 frames gives 125 tokens.
     */
    public static int audioTokens(int frames) {
        int afterConv = (frames - 1) / 2 + 1;
        return (afterConv - 2) / 2 + 1;
    }

    public static int encoderPositions(int frames) {
        return (frames - 1) / 2 + 1;
    }
}
