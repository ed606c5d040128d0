package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;

/** One pre-LN Whisper encoder layer; linear weights are (out, in) as stored. Width A, ffn F. */
record EncoderLayerWeights(
        NDArray attnNormWeight, NDArray attnNormBias, // (A)
        NDArray query, NDArray queryBias,             // (A, A), (A)
        NDArray key,                                  // (A, A): Whisper's key projection has no bias
        NDArray value, NDArray valueBias,             // (A, A), (A)
        NDArray out, NDArray outBias,                 // (A, A), (A)
        NDArray ffnNormWeight, NDArray ffnNormBias,   // (A)
        NDArray fc1, NDArray fc1Bias,                 // (F, A), (F)
        NDArray fc2, NDArray fc2Bias) {               // (A, F), (A)

    static EncoderLayerWeights load(WeightSource source, String prefix, AudioEncoderConfig c) {
        long a = c.width();
        long f = c.ffnWidth();
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
}
