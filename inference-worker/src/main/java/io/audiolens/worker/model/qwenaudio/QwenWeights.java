package io.audiolens.worker.model.qwenaudio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.DecoderLayerWeights;
import io.audiolens.worker.model.common.DecoderStackWeights;
import io.audiolens.worker.model.common.WeightSource;

/**
 * The QWen decoder under its released names ({@code transformer.h.{i}.…}). Two layouts differ from HF's:
 * {@code attn.c_attn} holds Q, K and V stacked (rows Q, then K, then V, with their biases), and the MLP is
 * {@code c_proj(w1(x) · silu(w2(x)))}, so {@code w2} is the gate and {@code w1} the up projection. D width,
 * H heads, K head size ({@code kv_channels}), F the width of w1 and w2, V vocabulary.
 */
final class QwenWeights {
    private static final DecoderStackWeights.Names NAMES =
            new DecoderStackWeights.Names("transformer.wte.weight", "transformer.ln_f.weight", "lm_head.weight");

    private QwenWeights() {}

    static DecoderStackWeights load(WeightSource source, DecoderConfig c) {
        return DecoderStackWeights.load(source, c, NAMES, i -> layer(source, "transformer.h." + i + ".", c));
    }

    private static DecoderLayerWeights layer(WeightSource source, String prefix, DecoderConfig c) {
        long d = c.width();
        long q = (long) c.heads() * c.headSize();
        long f = c.ffnWidth();
        NDArray qkv = source.load(prefix + "attn.c_attn.weight", 3 * q, d); // (3·H·K, D): Q, K, V rows
        NDArray qkvBias = source.load(prefix + "attn.c_attn.bias", 3 * q);
        return new DecoderLayerWeights(
                source.load(prefix + "ln_1.weight", d),
                rows(qkv, 0, q), rows(qkvBias, 0, q),
                rows(qkv, q, q), rows(qkvBias, q, q),
                rows(qkv, 2 * q, q), rows(qkvBias, 2 * q, q),
                source.load(prefix + "attn.c_proj.weight", d, q),
                source.load(prefix + "ln_2.weight", d),
                source.load(prefix + "mlp.w2.weight", f, d),  // gate
                source.load(prefix + "mlp.w1.weight", f, d),  // up
                source.load(prefix + "mlp.c_proj.weight", d, f));
    }

    /** Rows {@code from .. from+count} of a stacked tensor: a view, no copy. */
    private static NDArray rows(NDArray stacked, long from, long count) {
        return stacked.get(new NDIndex("{}:{}", from, from + count));
    }
}
