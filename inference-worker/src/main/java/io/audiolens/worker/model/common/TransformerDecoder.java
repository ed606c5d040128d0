package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixCache;
import io.audiolens.worker.runtime.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The decoder of Qwen2, QWen and Llama (pre-norm RMSNorm, GQA with RoPE, SwiGLU), run the AudioLens way.
 * The loops below are where the lens reads ({@code h^l}), where masking acts (the mask rows) and where
 * enrichment acts (rows joining after their target layer). The families differ only in how their
 * checkpoints name and lay out the same weights, which each family's loader maps to
 * {@link DecoderLayerWeights}. T prompt tokens, P = T−1 prefix tokens, N last-token rows, D width.
 */
public final class TransformerDecoder implements Decoder {
    private final List<DecoderLayer> layers;
    private final RotaryEmbedding rope;

    public TransformerDecoder(DecoderConfig config, List<DecoderLayerWeights> weights) {
        this.layers = weights.stream().map(w -> new DecoderLayer(config, w)).toList();
        this.rope = new RotaryEmbedding(config.headSize(), config.ropeTheta());
    }

    @Override
    public int layers() {
        return layers.size();
    }

    @Override
    public PrefixCache prefill(NDArray embeds) { // (P, D)
        NDManager m = embeds.getManager();
        int p = (int) embeds.getShape().get(0);
        NDList cosSin = rope.tables(m, range(p), embeds.getDataType());
        NDArray mask = Masks.causal(m, p, null);
        List<KeyValues> cache = new ArrayList<>();
        List<NDArray> penultimate = new ArrayList<>();
        NDArray x = embeds;
        for (DecoderLayer layer : layers) {
            DecoderLayer.Output out = layer.forward(x, cosSin.get(0), cosSin.get(1), null, mask);
            cache.add(out.keyValues());
            x = out.hidden();
            penultimate.add(x.get(p - 1)); // the lens reads the penultimate token's h^l here
        }
        return new CachedPrefix(List.copyOf(cache), List.copyOf(penultimate), p);
    }

    @Override
    public LastTokenStates extend(PrefixCache prefix, NDArray lastEmbed, int[] audioPositions, LastTokenVariants variants) {
        variants.enrichments().forEach(e -> e.checkFits(layers.size()));
        CachedPrefix cache = CachedPrefix.of(prefix);
        NDManager m = lastEmbed.getManager();
        LastTokenBatch batch = LastTokenBatch.plan(variants);
        NDList cosSin = rope.tables(m, new long[] {cache.length()}, lastEmbed.getDataType());
        NDArray x = lastEmbed.expandDims(0).repeat(0, batch.rowsFromTheStart()); // (N, D): plain, audio-masked
        for (int l = 1; l <= layers.size(); l++) {
            // enrichment: rows whose target is l−1 join as h^{l−1} + λ·h^{source} of the plain row
            for (LastTokenBatch.Row row : batch.joiningAt(l)) {
                x = x.concat(batch.edit(row).expandDims(0), 0);
            }
            // masking: every row sees the prefix and its own column; the audio-masked row not the audio
            NDArray mask = Masks.lastTokenRows(m, cache.length(), batch.masksAudioAt(l), audioPositions);
            x = layers.get(l - 1).forward(x, cosSin.get(0), cosSin.get(1), cache.at(l), mask).hidden();
            batch.record(l, x); // the lens reads h^l of every row here
        }
        batch.finish();
        return batch;
    }

    @Override
    public List<NDArray> fullForward(NDArray embeds, int[] audioPositions, boolean audioMasked, Enrichment enrichment) {
        if (enrichment != null) {
            enrichment.checkFits(layers.size());
        }
        NDManager m = embeds.getManager();
        int t = (int) embeds.getShape().get(0);
        NDList cosSin = rope.tables(m, range(t), embeds.getDataType());
        NDArray mask = Masks.causal(m, t, audioMasked ? audioPositions : null);
        List<NDArray> outputs = new ArrayList<>();
        NDArray x = embeds;
        for (int l = 1; l <= layers.size(); l++) {
            x = layers.get(l - 1).forward(x, cosSin.get(0), cosSin.get(1), null, mask).hidden();
            if (enrichment != null && l == enrichment.targetLayer()) {
                NDArray add = Constants.times(outputs.get(enrichment.sourceLayer() - 1).get(t - 1), enrichment.lambda());
                x = x.get(new NDIndex(":{}", t - 1)).concat(x.get(new NDIndex("{}:", t - 1)).add(add), 0);
            }
            outputs.add(x);
        }
        return outputs;
    }

    /**
     * Several prompts run as one sequence (see {@link PackedPrompts}), as training batches them: every
     * prompt's rows equal its own {@link #fullForward} outputs.
     *
     * @param embeds (ΣT, D) the segments' input embeddings, in segment order
     * @return each layer's output (ΣT, D), l = 1..L
     */
    public List<NDArray> packedForward(NDArray embeds, PackedPrompts packing) {
        NDManager m = embeds.getManager();
        int t = packing.tokens();
        if (t != embeds.getShape().get(0)) {
            throw new IllegalArgumentException("the packed segments hold " + t + " tokens but there are "
                    + embeds.getShape().get(0) + " embeddings");
        }
        NDList cosSin = rope.tables(m, packing.positions(), embeds.getDataType());
        NDArray mask = m.create(packing.mask(Masks.MASKED), new Shape(t, t));
        List<NDArray> outputs = new ArrayList<>();
        NDArray x = embeds;
        for (DecoderLayer layer : layers) {
            x = layer.forward(x, cosSin.get(0), cosSin.get(1), null, mask).hidden();
            outputs.add(x);
        }
        return outputs;
    }

    private static long[] range(long to) {
        return LongStream.range(0, to).toArray();
    }
}
