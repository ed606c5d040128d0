package io.audiolens.worker.model.desta2;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.WeightSource;

/**
 * One layer of the connector's BERT encoder ({@code qformer.layer.{i}}): self-attention among the
 * queries, cross-attention to an encoder state, feed-forward, each followed by a post-LN residual. A the
 * Whisper width, I BERT's intermediate width (3072, BertConfig's default, which DeSTA2 keeps).
 */
record QFormerLayerWeights(Block self, Block cross,
        NDArray intermediate, NDArray intermediateBias, // (I, A), (I)
        NDArray output, NDArray outputBias,             // (A, I), (A)
        NDArray outputNormWeight, NDArray outputNormBias) {

    /** BERT's attention with its output: q, k, v and dense with biases, then LayerNorm(dense + input). */
    record Block(NDArray query, NDArray queryBias, NDArray key, NDArray keyBias, NDArray value, NDArray valueBias,
            NDArray dense, NDArray denseBias, NDArray normWeight, NDArray normBias) {

        static Block load(WeightSource source, String prefix, long a) {
            return new Block(
                    source.load(prefix + "self.query.weight", a, a), source.load(prefix + "self.query.bias", a),
                    source.load(prefix + "self.key.weight", a, a), source.load(prefix + "self.key.bias", a),
                    source.load(prefix + "self.value.weight", a, a), source.load(prefix + "self.value.bias", a),
                    source.load(prefix + "output.dense.weight", a, a), source.load(prefix + "output.dense.bias", a),
                    source.load(prefix + "output.LayerNorm.weight", a), source.load(prefix + "output.LayerNorm.bias", a));
        }
    }

    static QFormerLayerWeights load(WeightSource source, String prefix, long a, long intermediate) {
        return new QFormerLayerWeights(
                Block.load(source, prefix + "attention.", a),
                Block.load(source, prefix + "crossattention.", a),
                source.load(prefix + "intermediate.dense.weight", intermediate, a),
                source.load(prefix + "intermediate.dense.bias", intermediate),
                source.load(prefix + "output.dense.weight", a, intermediate),
                source.load(prefix + "output.dense.bias", a),
                source.load(prefix + "output.LayerNorm.weight", a),
                source.load(prefix + "output.LayerNorm.bias", a));
    }
}
