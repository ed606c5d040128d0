package io.audiolens.worker.model.llama;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.DecoderLayerWeights;
import io.audiolens.worker.model.common.WeightSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LlamaForCausalLM} under HF's names: {@code model.embed_tokens}, {@code model.layers.{i}.…}
 * (no q/k/v bias), {@code model.norm}, {@code lm_head} (or the embedding when tied). D width, V vocabulary.
 */
record LlamaWeights(
        NDArray embedTokens,              // (V, D)
        List<DecoderLayerWeights> layers, // L
        NDArray finalNorm,                // (D)
        NDArray unembed) {                // (V, D)

    static LlamaWeights load(WeightSource source, DecoderConfig c) {
        long v = c.vocabSize();
        long d = c.width();
        NDArray embed = source.load("model.embed_tokens.weight", v, d);
        List<DecoderLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < c.layers(); i++) {
            layers.add(DecoderLayerWeights.loadHf(source, "model.layers." + i + ".", c, false));
        }
        NDArray norm = source.load("model.norm.weight", d);
        NDArray unembed = c.tieWordEmbeddings() ? embed : source.load("lm_head.weight", v, d);
        return new LlamaWeights(embed, List.copyOf(layers), norm, unembed);
    }
}
