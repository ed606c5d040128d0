package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixBatch;
import io.audiolens.worker.model.api.PrefixCache;
import io.audiolens.worker.runtime.Constants;
import java.util.ArrayList;
import java.util.Arrays;
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
            DecoderLayer.Output out = inOwnScope(layer, x, cosSin.get(0), cosSin.get(1), mask);
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
    public PrefixBatch prefill(List<NDArray> prefixes) { // each (P_b, D)
        int[] lengths = prefixes.stream().mapToInt(p -> Math.toIntExact(p.getShape().get(0))).toArray();
        int p = Arrays.stream(lengths).max().orElseThrow(() -> new IllegalArgumentException("an empty batch"));
        NDArray x = NDArrays.stack(new NDList(prefixes.stream().map(prefix -> padded(prefix, p)).toList())); // (B, P, D)
        NDManager m = x.getManager();
        NDList cosSin = rope.tables(m, range(p), x.getDataType());
        NDArray mask = Masks.causal(m, p, null); // padding sits after each prompt's tokens: no real query sees it
        List<KeyValues> cache = new ArrayList<>();
        List<List<NDArray>> penultimate = new ArrayList<>();
        for (int b = 0; b < lengths.length; b++) {
            penultimate.add(new ArrayList<>());
        }
        for (DecoderLayer layer : layers) {
            DecoderLayer.Output out = inOwnScope(layer, x, cosSin.get(0), cosSin.get(1), mask);
            cache.add(out.keyValues());
            x = out.hidden();
            for (int b = 0; b < lengths.length; b++) {
                penultimate.get(b).add(x.get(b, lengths[b] - 1)); // each prompt's own penultimate token
            }
        }
        return new CachedPrefixBatch(List.copyOf(cache), penultimate.stream().map(List::copyOf).toList(), lengths);
    }

    @Override
    public List<LastTokenStates> extend(PrefixBatch prefixes, List<NDArray> lastEmbeds, List<int[]> audioPositions,
            LastTokenVariants variants) {
        variants.enrichments().forEach(e -> e.checkFits(layers.size()));
        CachedPrefixBatch cache = CachedPrefixBatch.of(prefixes);
        int b = cache.size();
        if (lastEmbeds.size() != b || audioPositions.size() != b) {
            throw new IllegalArgumentException(b + " prefixes but " + lastEmbeds.size() + " last tokens and "
                    + audioPositions.size() + " audio position lists");
        }
        List<LastTokenBatch> perPrompt = new ArrayList<>(); // each prompt's rows, all on one plan
        for (int i = 0; i < b; i++) {
            perPrompt.add(LastTokenBatch.plan(variants));
        }
        LastTokenBatch plan = perPrompt.get(0); // which rows join where: alike for every prompt
        int[] lengths = cache.lengths();
        int padded = cache.padded();
        NDArray x = NDArrays.stack(new NDList(lastEmbeds));                                 // (B, D)
        NDManager m = x.getManager();
        // each prompt's last token sits at its own position P_b
        NDList cosSin = rope.tables(m, Arrays.stream(lengths).asLongStream().toArray(), x.getDataType());
        Shape onePerPrompt = new Shape(b, 1, 1, cosSin.get(0).getShape().get(1));
        NDArray cos = cosSin.get(0).reshape(onePerPrompt);
        NDArray sin = cosSin.get(1).reshape(onePerPrompt);
        x = x.expandDims(1).repeat(1, plan.rowsFromTheStart());                             // (B, N, D)
        for (int l = 1; l <= layers.size(); l++) {
            List<LastTokenBatch.Row> joining = plan.joiningAt(l);
            for (LastTokenBatch.Row row : joining) {
                NDList edits = new NDList();
                perPrompt.forEach(rows -> edits.add(rows.edit(row)));
                x = x.concat(NDArrays.stack(edits).expandDims(1), 1);
            }
            NDArray mask = Masks.lastTokenRows(m, lengths, padded, plan.masksAudioAt(l), audioPositions);
            x = layers.get(l - 1).forward(x, cos, sin, cache.at(l), mask).hidden();
            for (int i = 0; i < b; i++) {
                perPrompt.get(i).record(l, x.get(i));
            }
        }
        perPrompt.forEach(LastTokenBatch::finish);
        return List.copyOf(perPrompt);
    }

    /**
     * Runs a prefix layer in a scope of its own: its output and keys/values outlive it, its attention scores
     * ((B,) H, P, P, twice: compute type and float32) and other temporaries are freed before the next layer,
     * instead of piling up for all L layers until the caller's scope closes.
     */
    private static DecoderLayer.Output inOwnScope(DecoderLayer layer, NDArray x, NDArray cos, NDArray sin, NDArray mask) {
        NDManager outer = x.getManager();
        try (NDManager step = outer.newSubManager()) {
            x.tempAttach(step); // what is computed from x lands in step; x itself goes back to outer
            DecoderLayer.Output out = layer.forward(x, cos, sin, null, mask);
            out.hidden().attach(outer);
            out.keyValues().keys().attach(outer);
            out.keyValues().values().attach(outer);
            return out;
        }
    }

    /**
     * (P_b, D) followed by zeros to (P, D). The causal mask keeps every real query off them; what the padding
     * queries compute is never read, and the last tokens' mask hides the padding keys.
     */
    private static NDArray padded(NDArray prefix, int p) {
        long length = prefix.getShape().get(0);
        if (length == p) {
            return prefix;
        }
        NDArray zeros = prefix.getManager().zeros(new Shape(p - length, prefix.getShape().get(1)), prefix.getDataType());
        return prefix.concat(zeros, 0);
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
