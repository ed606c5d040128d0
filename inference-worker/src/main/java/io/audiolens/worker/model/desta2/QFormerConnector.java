package io.audiolens.worker.model.desta2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import io.audiolens.worker.model.common.Attention;
import java.util.ArrayList;
import java.util.List;

/**
 * DeSTA2's connector: for each tapped Whisper layer, its learned queries run through a 2-layer BERT
 * encoder with cross-attention to that layer's hidden states (post-LN, GELU, eps 1e-12; the queries see
 * each other without a mask); the taps are mixed per query by a softmax over {@code layer_weights}; then
 * LayerNorm (eps 1e-5) and a linear map to the Llama width. P queries, N taps, A Whisper width, F = 1500
 * encoder positions, D Llama width.
 */
final class QFormerConnector {
    private static final float BERT_EPS = 1e-12f;
    private static final float PROJ_EPS = 1e-5f;

    private final ConnectorWeights weights;
    private final int heads;

    QFormerConnector(ConnectorWeights weights, int heads) {
        this.weights = weights;
        this.heads = heads;
    }

    /** The connector's three stages, kept for inspection and tests. */
    record Output(List<NDArray> taps, NDArray mix, NDArray vectors) {}

    /** @param tapped the tapped encoder states, N × (F, A) */
    Output forward(List<NDArray> tapped) {
        NDManager m = tapped.get(0).getManager();
        List<NDArray> taps = new ArrayList<>();
        for (int t = 0; t < tapped.size(); t++) {
            NDArray x = weights.layerPrompts().get(t).get(m, new NDIndex("0")); // (P, A)
            for (QFormerLayerWeights layer : weights.qformer()) {
                x = bertLayer(x, tapped.get(t), layer);
            }
            taps.add(x);
        }
        // per query, a softmax over the taps mixes their outputs
        NDArray mixWeights = weights.layerWeights().get(m, new NDIndex(":")).softmax(-1);  // (P, N)
        NDArray mix = null;
        for (int t = 0; t < taps.size(); t++) {
            NDArray term = taps.get(t).mul(mixWeights.get(m, new NDIndex(":, {}:{}", t, t + 1)));
            mix = mix == null ? term : mix.add(term);
        }
        // LayerNorm and the projection into the Llama width
        NDArray normed = LayerNorm.layerNorm(mix, new Shape(mix.getShape().get(1)), weights.projNormWeight(),
                weights.projNormBias(), PROJ_EPS).head();
        return new Output(taps, mix, Linear.linear(normed, weights.proj(), weights.projBias()).head()); // (P, D)
    }

    private NDArray bertLayer(NDArray x, NDArray encoder, QFormerLayerWeights w) {
        // self-attention among the queries, no mask; then cross-attention to the encoder state
        x = attention(x, x, w.self());
        x = attention(x, encoder, w.cross());
        // feed-forward: intermediate GELU, output, post-LN residual
        NDArray h = Activation.gelu(Linear.linear(x, w.intermediate(), w.intermediateBias()).head());
        h = Linear.linear(h, w.output(), w.outputBias()).head();
        return layerNorm(h.add(x), w.outputNormWeight(), w.outputNormBias());
    }

    /** BERT attention + output: LayerNorm(dense(attend(q(x), k(kv), v(kv))) + x). */
    private NDArray attention(NDArray x, NDArray kv, QFormerLayerWeights.Block w) {
        NDArray q = Attention.splitHeads(Linear.linear(x, w.query(), w.queryBias()).head(), heads);
        NDArray k = Attention.splitHeads(Linear.linear(kv, w.key(), w.keyBias()).head(), heads);
        NDArray v = Attention.splitHeads(Linear.linear(kv, w.value(), w.valueBias()).head(), heads);
        NDArray attended = Attention.mergeHeads(Attention.attend(q, k, v, null));
        return layerNorm(Linear.linear(attended, w.dense(), w.denseBias()).head().add(x), w.normWeight(), w.normBias());
    }

    private static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(1)), weight, bias, BERT_EPS).head();
    }
}
