package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.WeightSource;

/** One Whisper attention block under HF's names; the key projection has no bias. A width. */
record AttentionWeights(
        NDArray query, NDArray queryBias, // (A, A), (A)
        NDArray key,                      // (A, A)
        NDArray value, NDArray valueBias, // (A, A), (A)
        NDArray out, NDArray outBias) {   // (A, A), (A)

    static AttentionWeights load(WeightSource source, String prefix, long a) {
        return new AttentionWeights(
                source.load(prefix + "q_proj.weight", a, a), source.load(prefix + "q_proj.bias", a),
                source.load(prefix + "k_proj.weight", a, a),
                source.load(prefix + "v_proj.weight", a, a), source.load(prefix + "v_proj.bias", a),
                source.load(prefix + "out_proj.weight", a, a), source.load(prefix + "out_proj.bias", a));
    }
}
