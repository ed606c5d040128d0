package io.audiolens.worker.model.qwen2audio;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.model.common.ConfigChecks;

/**
 * The Whisper-style audio encoder's shape ({@code audio_config}); absent fields take the defaults of HF's
 * {@code Qwen2AudioEncoderConfig}.
 */
public record AudioEncoderConfig(int melBins, int layers, int heads, int width, int ffnWidth, int maxSourcePositions,
        String activation) {

    public AudioEncoderConfig {
        ConfigChecks.positive("audio_config.num_mel_bins", melBins);
        ConfigChecks.positive("audio_config.encoder_layers", layers);
        ConfigChecks.positive("audio_config.d_model", width);
        ConfigChecks.divides("audio_config.encoder_attention_heads", heads, "audio_config.d_model", width);
        ConfigChecks.positive("audio_config.encoder_ffn_dim", ffnWidth);
        ConfigChecks.positive("audio_config.max_source_positions", maxSourcePositions);
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException("audio_config.activation_function is '" + activation
                    + "'; only 'gelu' (Qwen2-Audio's) is implemented");
        }
    }

    static AudioEncoderConfig fromJson(JsonNode node) {
        return new AudioEncoderConfig(
                node.path("num_mel_bins").asInt(128),
                node.path("encoder_layers").asInt(32),
                node.path("encoder_attention_heads").asInt(20),
                node.path("d_model").asInt(1280),
                node.path("encoder_ffn_dim").asInt(5120),
                node.path("max_source_positions").asInt(1500),
                node.path("activation_function").asText("gelu"));
    }

    public int headSize() {
        return width / heads;
    }

    /** Mel frames the encoder accepts: two per source position (conv2 has stride 2). */
    public int maxMelFrames() {
        return 2 * maxSourcePositions;
    }
}
