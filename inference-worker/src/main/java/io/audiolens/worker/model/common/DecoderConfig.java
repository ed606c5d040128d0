package io.audiolens.worker.model.common;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of a pre-norm RMSNorm / GQA / RoPE / SwiGLU decoder, the kind Qwen2, QWen and Llama share.
 * Each family reads it from its own {@code config.json} fields; {@link #fromHfJson} reads the fields HF's
 * {@code Qwen2Config} and {@code LlamaConfig} share, with the family's defaults for absent ones, as
 * {@code from_pretrained} does. RoPE θ comes from {@code rope_parameters} (transformers 5) or
 * {@code rope_theta} (transformers 4).
 *
 * @param where the field prefix for messages, e.g. {@code text_config.}
 */
public record DecoderConfig(String where, int vocabSize, int width, int ffnWidth, int layers, int heads, int kvHeads,
        int headSize, double rmsNormEps, double ropeTheta, boolean tieWordEmbeddings) {

    /** The defaults of an HF config class for fields a {@code config.json} leaves out. */
    public record HfDefaults(int vocabSize, int width, int ffnWidth, int layers, int heads, double rmsNormEps) {
        public static final HfDefaults QWEN2 = new HfDefaults(151936, 4096, 22016, 32, 32, 1e-6);
        public static final HfDefaults LLAMA = new HfDefaults(32000, 4096, 11008, 32, 32, 1e-6);
    }

    public DecoderConfig {
        ConfigChecks.positive(where + "vocab_size", vocabSize);
        ConfigChecks.positive(where + "hidden_size", width);
        ConfigChecks.positive(where + "intermediate_size", ffnWidth);
        ConfigChecks.positive(where + "num_hidden_layers", layers);
        ConfigChecks.positive(where + "num_attention_heads", heads);
        ConfigChecks.divides(where + "num_key_value_heads", kvHeads, where + "num_attention_heads", heads);
        ConfigChecks.positive(where + "head_dim", headSize);
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("config.json: head size " + headSize + " is odd; RoPE needs an even head size");
        }
    }

    /** Reads the HF fields under {@code node}; {@code topLevelTie} is the outer config's tie_word_embeddings. */
    public static DecoderConfig fromHfJson(JsonNode node, String where, HfDefaults defaults, boolean topLevelTie) {
        int width = node.path("hidden_size").asInt(defaults.width());
        int heads = node.path("num_attention_heads").asInt(defaults.heads());
        int kvHeads = node.hasNonNull("num_key_value_heads") ? node.path("num_key_value_heads").asInt() : heads;
        int headSize = node.hasNonNull("head_dim") ? node.path("head_dim").asInt() : width / heads;
        double theta = node.path("rope_parameters").path("rope_theta").asDouble(node.path("rope_theta").asDouble(10000.0));
        String ropeType = node.path("rope_parameters").path("rope_type")
                .asText(node.path("rope_scaling").path("rope_type").asText(node.path("rope_scaling").path("type").asText("default")));
        if (!ropeType.equals("default")) {
            throw new IllegalArgumentException("config.json: " + where + "rope type '" + ropeType
                    + "' is not implemented; only default RoPE (no rope_scaling)");
        }
        String activation = node.path("hidden_act").asText("silu");
        if (!activation.equals("silu")) {
            throw new IllegalArgumentException("config.json: " + where + "hidden_act is '" + activation
                    + "'; only 'silu' (SwiGLU) is implemented");
        }
        boolean tie = node.has("tie_word_embeddings") ? node.path("tie_word_embeddings").asBoolean() : topLevelTie;
        return new DecoderConfig(where, node.path("vocab_size").asInt(defaults.vocabSize()), width,
                node.path("intermediate_size").asInt(defaults.ffnWidth()),
                node.path("num_hidden_layers").asInt(defaults.layers()), heads, kvHeads, headSize,
                node.path("rms_norm_eps").asDouble(defaults.rmsNormEps()), theta, tie);
    }

    /** Query heads that share one key/value head (grouped-query attention). */
    public int groupSize() {
        return heads / kvHeads;
    }
}
