package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * One Qwen2 decoder layer over T query tokens that may attend to S earlier cached positions. The caller
 * supplies the additive mask (T, S+T): causal for a prompt, or "prefix plus own position" for a batch of
 * last-token variants — the layer itself has no notion of which. D width, H heads, G kv heads, K head size.
 */
final class DecoderLayer {
    private final TextConfig config;
    private final DecoderLayerWeights w;

    DecoderLayer(TextConfig config, DecoderLayerWeights weights) {
        this.config = config;
        this.w = weights;
    }

    /** Output of this layer plus the new tokens' keys/values. */
    record Output(NDArray hidden, KeyValues keyValues) {}

    /**
     * @param x     (T, D) residual stream entering the layer
     * @param cos   (T, K) RoPE tables for the T tokens' positions
     * @param sin   (T, K)
     * @param past  cached positions (H, S, K), or null when S = 0
     * @param mask  additive (T, S+T)
     */
    Output forward(NDArray x, NDArray cos, NDArray sin, KeyValues past, NDArray mask) {
        // attention RMSNorm
        NDArray h = RmsNorm.apply(x, w.attnNorm(), config.rmsNormEps());
        // q/k/v with bias
        NDArray q = Attention.splitHeads(Linear.linear(h, w.query(), w.queryBias()).head(), config.heads());   // (H, T, K)
        NDArray k = Attention.splitHeads(Linear.linear(h, w.key(), w.keyBias()).head(), config.kvHeads());     // (G, T, K)
        NDArray v = Attention.splitHeads(Linear.linear(h, w.value(), w.valueBias()).head(), config.kvHeads()); // (G, T, K)
        // RoPE
        q = RotaryEmbedding.apply(q, cos, sin);
        k = RotaryEmbedding.apply(k, cos, sin);
        // grouped-query attention: each kv head serves groupSize consecutive query heads
        KeyValues fresh = new KeyValues(repeatHeads(k), repeatHeads(v)); // (H, T, K)
        KeyValues all = past == null ? fresh : past.append(fresh);       // (H, S+T, K)
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

    private NDArray repeatHeads(NDArray kv) {
        return config.groupSize() == 1 ? kv : kv.repeat(0, config.groupSize());
    }
}
