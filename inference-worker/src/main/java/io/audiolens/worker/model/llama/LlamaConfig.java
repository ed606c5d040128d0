package io.audiolens.worker.model.llama;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.model.common.DecoderConfig;

/**
 * A Llama(-3) {@code config.json} (HF {@code LlamaConfig}, {@code model_type: llama}), mapped onto
 * {@link DecoderConfig} with {@code LlamaConfig}'s defaults for absent fields. Llama-3's attention and MLP
 * have no biases; checkpoints with {@code attention_bias} or {@code mlp_bias} are refused.
 */
public final class LlamaConfig {
    private LlamaConfig() {}

    public static DecoderConfig fromJson(JsonNode root) {
        String type = root.path("model_type").asText("");
        if (!type.equals("llama")) {
            throw new IllegalArgumentException("config.json has model_type '" + type + "'; a Llama checkpoint has 'llama'");
        }
        for (String bias : new String[] {"attention_bias", "mlp_bias"}) {
            if (root.path(bias).asBoolean(false)) {
                throw new IllegalArgumentException("config.json: " + bias + " is true; Llama-3 has no such biases and "
                        + "this runtime implements none");
            }
        }
        return DecoderConfig.fromHfJson(root, "", DecoderConfig.HfDefaults.LLAMA, root.path("tie_word_embeddings").asBoolean(false));
    }
}
