package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.WeightSource;

/** One pre-LN Whisper decoder layer: causal self-attention, cross-attention to the audio, feed-forward. A width, F ffn. */
record DecoderLayerWeights(
        NDArray selfNormWeight, NDArray selfNormBias, AttentionWeights self,
        NDArray crossNormWeight, NDArray crossNormBias, AttentionWeights cross,
        NDArray ffnNormWeight, NDArray ffnNormBias,
        NDArray fc1, NDArray fc1Bias,      // (F, A), (F)
        NDArray fc2, NDArray fc2Bias) {    // (A, F), (A)

    static DecoderLayerWeights load(WeightSource source, String prefix, long a, long f) {
        return new DecoderLayerWeights(
                source.load(prefix + "self_attn_layer_norm.weight", a), source.load(prefix + "self_attn_layer_norm.bias", a),
                AttentionWeights.load(source, prefix + "self_attn.", a),
                source.load(prefix + "encoder_attn_layer_norm.weight", a),
                source.load(prefix + "encoder_attn_layer_norm.bias", a),
                AttentionWeights.load(source, prefix + "encoder_attn.", a),
                source.load(prefix + "final_layer_norm.weight", a), source.load(prefix + "final_layer_norm.bias", a),
                source.load(prefix + "fc1.weight", f, a), source.load(prefix + "fc1.bias", f),
                source.load(prefix + "fc2.weight", a, f), source.load(prefix + "fc2.bias", a));
    }
}
