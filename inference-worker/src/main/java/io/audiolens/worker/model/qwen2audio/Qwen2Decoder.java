package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.audiolens.worker.runtime.Constants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Qwen2 decoder, run the AudioLens way: the prompt's prefix once, then every last-token variant
 * (plain, audio-masked, enriched) as rows of one batch that reuses the prefix keys/values. The layer loop
 * below is where the lens reads ({@code h^l}), where masking acts (the mask rows) and where enrichment
 * acts (rows joining at {@code target+1}). T prompt tokens, P = T−1 prefix tokens, N variant rows.
 */
public final class Qwen2Decoder {
    private static final float MASKED = -Float.MAX_VALUE; // HF's additive mask value (finfo.min)

    private final TextConfig config;
    private final List<DecoderLayer> layers;
    private final RotaryEmbedding rope;

    Qwen2Decoder(TextConfig config, DecoderWeights weights) {
        this.config = config;
        this.layers = weights.layers().stream().map(w -> new DecoderLayer(config, w)).toList();
        this.rope = new RotaryEmbedding(config.headSize(), config.ropeTheta());
    }

    /** Runs the first P tokens with a causal mask; keeps each layer's keys/values and last-row output. */
    public PrefixCache prefill(NDArray embeds) { // (P, D)
        NDManager m = embeds.getManager();
        int p = (int) embeds.getShape().get(0);
        NDList cosSin = rope.tables(m, range(0, p), embeds.getDataType());
        NDArray mask = m.create(causalMask(p), new Shape(p, p)).toType(embeds.getDataType(), false);
        List<KeyValues> cache = new ArrayList<>();
        List<NDArray> penultimate = new ArrayList<>();
        NDArray x = embeds;
        for (DecoderLayer layer : layers) {
            DecoderLayer.Output out = layer.forward(x, cosSin.get(0), cosSin.get(1), null, mask);
            cache.add(out.keyValues());
            x = out.hidden();
            penultimate.add(x.get(p - 1));
        }
        return new PrefixCache(List.copyOf(cache), List.copyOf(penultimate), p);
    }

    /**
     * Runs the last token at position P for the plain prompt, optionally with the audio positions
     * removed from its attention, and for each enrichment, all as rows of one batch per layer.
     *
     * @param lastEmbed (D) embedding of the last prompt token
     */
    public LastTokenStates extend(PrefixCache prefix, NDArray lastEmbed, int[] audioPositions, boolean audioMasked,
            List<Enrichment> enrichments) {
        enrichments.forEach(e -> e.checkFits(layers.size()));
        NDManager m = lastEmbed.getManager();
        int rowsAtStart = audioMasked ? 2 : 1;
        // enrichment rows join in order of their target layer, so a row keeps its index once it joins
        Integer[] order = IntStream.range(0, enrichments.size()).boxed()
                .sorted(Comparator.comparingInt(i -> enrichments.get(i).targetLayer())).toArray(Integer[]::new);
        int rows = rowsAtStart + enrichments.size();
        int[] startLayer = new int[rows];
        Arrays.fill(startLayer, 1);
        int[] enrichmentRows = new int[enrichments.size()];
        for (int r = 0; r < order.length; r++) {
            enrichmentRows[order[r]] = rowsAtStart + r;
            startLayer[rowsAtStart + r] = enrichments.get(order[r]).targetLayer() + 1;
        }
        boolean[] rowMasksAudio = new boolean[rows];
        rowMasksAudio[rowsAtStart - 1] = audioMasked;
        NDArray[] edited = new NDArray[rows];
        NDList cosSin = rope.tables(m, new long[] {prefix.length()}, lastEmbed.getDataType());
        List<NDArray> outputs = new ArrayList<>();
        NDArray x = lastEmbed.expandDims(0).repeat(0, rowsAtStart); // (N, D)
        int active = rowsAtStart;
        for (int l = 1; l <= layers.size(); l++) {
            // enrichment: rows whose target is l−1 join with h^{l−1} + λ·h^{source} of the plain row
            while (active < rows && startLayer[active] == l) {
                edited[active] = enrich(enrichments.get(order[active - rowsAtStart]), outputs);
                x = x.concat(edited[active].expandDims(0), 0);
                active++;
            }
            // masking: per row, prefix columns (audio ones −inf for the masked row) then its own column
            NDArray mask = m.create(variantMask(prefix.length(), active, rowsMaskAudio(rowMasksAudio, active),
                    audioPositions), new Shape(active, prefix.length() + active)).toType(x.getDataType(), false);
            x = layers.get(l - 1).forward(x, cosSin.get(0), cosSin.get(1), prefix.keyValues().get(l - 1), mask).hidden();
            outputs.add(x); // the lens reads h^l here
        }
        for (; active < rows; active++) { // targets at the last layer: the edit is the final state
            edited[active] = enrich(enrichments.get(order[active - rowsAtStart]), outputs);
        }
        return new LastTokenStates(List.copyOf(outputs), startLayer, edited, audioMasked ? 1 : -1, enrichmentRows);
    }

    /**
     * The naive way, kept as the independent reference path and the benchmark's baseline: all T tokens
     * through every layer, with the variant's edit applied to the last token.
     *
     * @return each layer's output (T, D), l = 1..L
     */
    public List<NDArray> fullForward(NDArray embeds, int[] audioPositions, boolean audioMasked, Enrichment enrichment) {
        NDManager m = embeds.getManager();
        int t = (int) embeds.getShape().get(0);
        NDList cosSin = rope.tables(m, range(0, t), embeds.getDataType());
        float[] mask = causalMask(t);
        if (audioMasked) {
            for (int a : audioPositions) {
                mask[(t - 1) * t + a] = MASKED;
            }
        }
        NDArray maskArray = m.create(mask, new Shape(t, t)).toType(embeds.getDataType(), false);
        List<NDArray> outputs = new ArrayList<>();
        NDArray x = embeds;
        for (int l = 1; l <= layers.size(); l++) {
            x = layers.get(l - 1).forward(x, cosSin.get(0), cosSin.get(1), null, maskArray).hidden();
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
        NDArray mask = m.create(packing.mask(MASKED), new Shape(t, t)).toType(embeds.getDataType(), false);
        List<NDArray> outputs = new ArrayList<>();
        NDArray x = embeds;
        for (DecoderLayer layer : layers) {
            x = layer.forward(x, cosSin.get(0), cosSin.get(1), null, mask).hidden();
            outputs.add(x);
        }
        return outputs;
    }

    public int layerCount() {
        return layers.size();
    }

    private static NDArray enrich(Enrichment e, List<NDArray> plainOutputs) {
        NDArray target = plainOutputs.get(e.targetLayer() - 1).get(0);
        NDArray source = plainOutputs.get(e.sourceLayer() - 1).get(0);
        return target.add(Constants.times(source, e.lambda()));
    }

    private static boolean[] rowsMaskAudio(boolean[] all, int active) {
        return Arrays.copyOf(all, active);
    }

    /** (N, P+N): row r sees the prefix (minus audio if it masks audio) and only its own new column. */
    private static float[] variantMask(int prefix, int rows, boolean[] masksAudio, int[] audioPositions) {
        int width = prefix + rows;
        float[] mask = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = prefix; c < width; c++) {
                mask[r * width + c] = c - prefix == r ? 0f : MASKED;
            }
            if (masksAudio[r]) {
                for (int a : audioPositions) {
                    mask[r * width + a] = MASKED;
                }
            }
        }
        return mask;
    }

    private static float[] causalMask(int t) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = MASKED;
            }
        }
        return mask;
    }

    private static long[] range(long from, long to) {
        return java.util.stream.LongStream.range(from, to).toArray();
    }
}
