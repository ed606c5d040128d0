package io.audiolens.worker.model.qwen2audio;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Qwen2 decoder's shape ({@code text_config}); absent fields take the defaults of HF's
 * {@code Qwen2Config}, as {@code from_pretrained} does. RoPE θ is read from {@code rope_parameters}
 * (transformers 5) or {@code rope_theta} (transformers 4).
 */
public record TextConfig(int vocabSize, int width, int ffnWidth, int layers, int heads, int kvHeads, int headSize,
        double rmsNormEps, double ropeTheta, boolean tieWordEmbeddings, String activation) {

    public TextConfig {
        ConfigChecks.positive("text_config.vocab_size", vocabSize);
        ConfigChecks.positive("text_config.hidden_size", width);
        ConfigChecks.positive("text_config.intermediate_size", ffnWidth);
        ConfigChecks.positive("text_config.num_hidden_layers", layers);
        ConfigChecks.positive("text_config.num_attention_heads", heads);
        ConfigChecks.divides("text_config.num_key_value_heads", kvHeads, "text_config.num_attention_heads", heads);
        ConfigChecks.positive("head_dim", headSize);
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("head size " + headSize + " is odd; RoPE needs an even head size");
        }
        if (!activation.equals("silu")) {
            throw new IllegalArgumentException("text_config.hidden_act is '" + activation
                    + "'; only 'silu' (Qwen2's SwiGLU) is implemented");
        }
    }

    static TextConfig fromJson(JsonNode node, boolean topLevelTie) {
        int width = node.path("hidden_size").asInt(4096);
        int heads = node.path("num_attention_heads").asInt(32);
        int kvHeads = node.path("num_key_value_heads").isNull() || node.path("num_key_value_heads").isMissingNode()
                ? heads : node.path("num_key_value_heads").asInt();
        int headSize = node.hasNonNull("head_dim") ? node.path("head_dim").asInt() : width / heads;
        double theta = node.path("rope_parameters").path("rope_theta").asDouble(node.path("rope_theta").asDouble(10000.0));
        String ropeType = node.path("rope_parameters").path("rope_type").asText(node.path("rope_scaling").path("rope_type").asText("default"));
        if (!ropeType.equals("default")) {
            throw new IllegalArgumentException("rope type '" + ropeType + "' is not implemented; only default RoPE");
        }
        boolean tie = node.has("tie_word_embeddings") ? node.path("tie_word_embeddings").asBoolean() : topLevelTie;
        return new TextConfig(
                node.path("vocab_size").asInt(151936),
                width,
                node.path("intermediate_size").asInt(22016),
                node.path("num_hidden_layers").asInt(32),
                heads,
                kvHeads,
                headSize,
                node.path("rms_norm_eps").asDouble(1e-6),
                theta,
                tie,
                node.path("hidden_act").asText("silu"));
    }

    /** Query heads that share one key/value head (grouped-query attention). */
    public int groupSize() {
        return heads / kvHeads;
    }
}
