package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;

/** One pre-LN Whisper encoder layer; linear weights are (out, in) as stored. Width A, ffn F. */
public record EncoderLayerWeights(
        NDArray attnNormWeight, NDArray attnNormBias, // (A)
        NDArray query, NDArray queryBias,             // (A, A), (A)
        NDArray key,                                  // (A, A): Whisper's key projection has no bias
        NDArray value, NDArray valueBias,             // (A, A), (A)
        NDArray out, NDArray outBias,                 // (A, A), (A)
        NDArray ffnNormWeight, NDArray ffnNormBias,   // (A)
        NDArray fc1, NDArray fc1Bias,                 // (F, A), (F)
        NDArray fc2, NDArray fc2Bias) {               // (A, F), (A)

    /** A layer under HF's Whisper names ({@code self_attn.q_proj}, {@code fc1}, ...), as Qwen2-Audio's tower has them. */
    public static EncoderLayerWeights loadHf(WeightSource source, String prefix, long a, long f) {
        return new EncoderLayerWeights(
                source.load(prefix + "self_attn_layer_norm.weight", a),
                source.load(prefix + "self_attn_layer_norm.bias", a),
                source.load(prefix + "self_attn.q_proj.weight", a, a),
                source.load(prefix + "self_attn.q_proj.bias", a),
                source.load(prefix + "self_attn.k_proj.weight", a, a),
                source.load(prefix + "self_attn.v_proj.weight", a, a),
                source.load(prefix + "self_attn.v_proj.bias", a),
                source.load(prefix + "self_attn.out_proj.weight", a, a),
                source.load(prefix + "self_attn.out_proj.bias", a),
                source.load(prefix + "final_layer_norm.weight", a),
                source.load(prefix + "final_layer_norm.bias", a),
                source.load(prefix + "fc1.weight", f, a),
                source.load(prefix + "fc1.bias", f),
                source.load(prefix + "fc2.weight", a, f),
                source.load(prefix + "fc2.bias", a));
    }

    /** A layer under OpenAI Whisper's names ({@code attn.query}, {@code mlp.0}, ...), as Qwen-Audio's encoder has them. */
    public static EncoderLayerWeights loadOpenAi(WeightSource source, String prefix, long a, long f) {
        return new EncoderLayerWeights(
                source.load(prefix + "attn_ln.weight", a),
                source.load(prefix + "attn_ln.bias", a),
                source.load(prefix + "attn.query.weight", a, a),
                source.load(prefix + "attn.query.bias", a),
                source.load(prefix + "attn.key.weight", a, a),
                source.load(prefix + "attn.value.weight", a, a),
                source.load(prefix + "attn.value.bias", a),
                source.load(prefix + "attn.out.weight", a, a),
                source.load(prefix + "attn.out.bias", a),
                source.load(prefix + "mlp_ln.weight", a),
                source.load(prefix + "mlp_ln.bias", a),
                source.load(prefix + "mlp.0.weight", f, a),
                source.load(prefix + "mlp.0.bias", f),
                source.load(prefix + "mlp.2.weight", a, f),
                source.load(prefix + "mlp.2.bias", a));
    }
}
