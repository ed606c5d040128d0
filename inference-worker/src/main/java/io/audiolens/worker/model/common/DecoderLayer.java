package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * One pre-norm decoder layer (Qwen2, QWen, Llama) over T query tokens that may attend to S earlier cached
 * positions. The caller supplies the additive float32 mask (T, S+T): causal for a prompt, or "prefix plus
 * own position" for a batch of last-token variants; the layer itself has no notion of which. A batch of
 * B prompts puts B in front of every shape below. D width, H heads, G kv heads, K head size, F ffn width.
 */
final class DecoderLayer {
    private final DecoderConfig config;
    private final DecoderLayerWeights w;

    DecoderLayer(DecoderConfig config, DecoderLayerWeights weights) {
        this.config = config;
        this.w = weights;
    }

    /** Output of this layer plus the new tokens' keys/values. */
    record Output(NDArray hidden, KeyValues keyValues) {}

    /**
     * @param x    (T, D) residual stream entering the layer
     * @param cos  (T, K) RoPE tables for the T tokens' positions
     * @param sin  (T, K)
     * @param past cached positions (G, S, K), or null when S = 0
     * @param mask additive float32 (T, S+T)
     */
    Output forward(NDArray x, NDArray cos, NDArray sin, KeyValues past, NDArray mask) {
        // attention RMSNorm
        NDArray h = RmsNorm.apply(x, w.attnNorm(), config.rmsNormEps());
        // q/k/v
        NDArray q = Attention.splitHeads(project(h, w.query(), w.queryBias()), config.heads());   // (H, T, K)
        NDArray k = Attention.splitHeads(project(h, w.key(), w.keyBias()), config.kvHeads());     // (G, T, K)
        NDArray v = Attention.splitHeads(project(h, w.value(), w.valueBias()), config.kvHeads()); // (G, T, K)
        // RoPE
        q = RotaryEmbedding.apply(q, cos, sin);
        k = RotaryEmbedding.apply(k, cos, sin);
        // grouped-query attention over the cached and the new positions
        KeyValues fresh = new KeyValues(k, v);
        KeyValues all = past == null ? fresh : past.append(fresh);                                // (G, S+T, K)
        NDArray attended = Attention.mergeHeads(Attention.attend(q, all.keys(), all.values(), mask)); // (T, H*K)
        // residual
        x = x.add(Linear.linear(attended, w.out()).head());
        // MLP RMSNorm, SwiGLU, residual
        h = RmsNorm.apply(x, w.ffnNorm(), config.rmsNormEps());
        NDArray gate = Linear.linear(h, w.gate()).head();
        NDArray up = Linear.linear(h, w.up()).head();
        NDArray swiglu = gate.mul(Activation.sigmoid(gate)).mul(up); // silu(gate) * up, (T, F)
        return new Output(x.add(Linear.linear(swiglu, w.down()).head()), fresh);
    }

    private static NDArray project(NDArray h, NDArray weight, NDArray bias) {
        return bias == null ? Linear.linear(h, weight).head() : Linear.linear(h, weight, bias).head();
    }
}
