package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;

/** One Qwen2 decoder layer. D width, H heads, G key/value heads, K head size, F ffn width. */
record DecoderLayerWeights(
        NDArray attnNorm,                   // (D) RMSNorm scale
        NDArray query, NDArray queryBias,   // (H*K, D), (H*K)
        NDArray key, NDArray keyBias,       // (G*K, D), (G*K)
        NDArray value, NDArray valueBias,   // (G*K, D), (G*K)
        NDArray out,                        // (D, H*K), no bias
        NDArray ffnNorm,                    // (D)
        NDArray gate, NDArray up,           // (F, D)
        NDArray down) {                     // (D, F)

    static DecoderLayerWeights load(WeightSource source, String prefix, TextConfig c) {
        long d = c.width();
        long q = (long) c.heads() * c.headSize();
        long kv = (long) c.kvHeads() * c.headSize();
        long f = c.ffnWidth();
        return new DecoderLayerWeights(
                source.load(prefix + "input_layernorm.weight", d),
                source.load(prefix + "self_attn.q_proj.weight", q, d),
                source.load(prefix + "self_attn.q_proj.bias", q),
                source.load(prefix + "self_attn.k_proj.weight", kv, d),
                source.load(prefix + "self_attn.k_proj.bias", kv),
                source.load(prefix + "self_attn.v_proj.weight", kv, d),
                source.load(prefix + "self_attn.v_proj.bias", kv),
                source.load(prefix + "self_attn.o_proj.weight", d, q),
                source.load(prefix + "post_attention_layernorm.weight", d),
                source.load(prefix + "mlp.gate_proj.weight", f, d),
                source.load(prefix + "mlp.up_proj.weight", f, d),
                source.load(prefix + "mlp.down_proj.weight", d, f));
    }
}
