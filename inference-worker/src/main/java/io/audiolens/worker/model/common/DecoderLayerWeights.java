package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;

/**
 * One pre-norm decoder layer. Biases of q/k/v are null where the family has none (Llama). D width,
 * H heads, G key/value heads, K head size, F ffn width.
 */
public record DecoderLayerWeights(
        NDArray attnNorm,                   // (D) RMSNorm scale
        NDArray query, NDArray queryBias,   // (H*K, D), (H*K) or null
        NDArray key, NDArray keyBias,       // (G*K, D), (G*K) or null
        NDArray value, NDArray valueBias,   // (G*K, D), (G*K) or null
        NDArray out,                        // (D, H*K), no bias
        NDArray ffnNorm,                    // (D)
        NDArray gate, NDArray up,           // (F, D): SwiGLU's silu(gate(x)) · up(x)
        NDArray down) {                     // (D, F)

    /** A layer under HF's Qwen2 / Llama names ({@code self_attn.q_proj}, {@code mlp.gate_proj}, ...). */
    public static DecoderLayerWeights loadHf(WeightSource source, String prefix, DecoderConfig c, boolean qkvBias) {
        long d = c.width();
        long q = (long) c.heads() * c.headSize();
        long kv = (long) c.kvHeads() * c.headSize();
        long f = c.ffnWidth();
        return new DecoderLayerWeights(
                source.load(prefix + "input_layernorm.weight", d),
                source.load(prefix + "self_attn.q_proj.weight", q, d),
                qkvBias ? source.load(prefix + "self_attn.q_proj.bias", q) : null,
                source.load(prefix + "self_attn.k_proj.weight", kv, d),
                qkvBias ? source.load(prefix + "self_attn.k_proj.bias", kv) : null,
                source.load(prefix + "self_attn.v_proj.weight", kv, d),
                qkvBias ? source.load(prefix + "self_attn.v_proj.bias", kv) : null,
                source.load(prefix + "self_attn.o_proj.weight", d, q),
                source.load(prefix + "post_attention_layernorm.weight", d),
                source.load(prefix + "mlp.gate_proj.weight", f, d),
                source.load(prefix + "mlp.up_proj.weight", f, d),
                source.load(prefix + "mlp.down_proj.weight", d, f));
    }
}
