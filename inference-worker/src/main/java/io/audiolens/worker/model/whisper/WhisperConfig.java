package io.audiolens.worker.model.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.model.common.ConfigChecks;

/** A Whisper {@code config.json} (HF {@code WhisperConfig}): encoder and decoder shapes. */
public record WhisperConfig(int melBins, int width, int encoderLayers, int encoderHeads, int encoderFfnWidth,
        int decoderLayers, int decoderHeads, int decoderFfnWidth, int vocabSize, int sourcePositions,
        int targetPositions) {

    public WhisperConfig {
        ConfigChecks.positive("num_mel_bins", melBins);
        ConfigChecks.divides("encoder_attention_heads", encoderHeads, "d_model", width);
        ConfigChecks.divides("decoder_attention_heads", decoderHeads, "d_model", width);
        ConfigChecks.positive("encoder_layers", encoderLayers);
        ConfigChecks.positive("decoder_layers", decoderLayers);
        ConfigChecks.positive("encoder_ffn_dim", encoderFfnWidth);
        ConfigChecks.positive("decoder_ffn_dim", decoderFfnWidth);
        ConfigChecks.positive("vocab_size", vocabSize);
        ConfigChecks.positive("max_source_positions", sourcePositions);
        ConfigChecks.positive("max_target_positions", targetPositions);
    }

    static WhisperConfig fromJson(JsonNode root) {
        String type = root.path("model_type").asText("");
        if (!type.equals("whisper")) {
            throw new IllegalArgumentException("config.json has model_type '" + type + "'; a Whisper checkpoint has 'whisper'");
        }
        if (!root.path("activation_function").asText("gelu").equals("gelu")) {
            throw new IllegalArgumentException("config.json: activation_function is '"
                    + root.path("activation_function").asText() + "'; only Whisper's 'gelu' is implemented");
        }
        if (root.path("scale_embedding").asBoolean(false)) {
            throw new IllegalArgumentException("config.json: scale_embedding is true; no released Whisper scales its "
                    + "embeddings and this runtime does not");
        }
        return new WhisperConfig(root.path("num_mel_bins").asInt(80), root.path("d_model").asInt(384),
                root.path("encoder_layers").asInt(4), root.path("encoder_attention_heads").asInt(6),
                root.path("encoder_ffn_dim").asInt(1536), root.path("decoder_layers").asInt(4),
                root.path("decoder_attention_heads").asInt(6), root.path("decoder_ffn_dim").asInt(1536),
                root.path("vocab_size").asInt(51865), root.path("max_source_positions").asInt(1500),
                root.path("max_target_positions").asInt(448));
    }
}
