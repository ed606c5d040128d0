package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A decoder's weights as the lens needs them, whatever the family calls them: the token embedding, the
 * layers, the final norm and the unembedding (the embedding itself when tied). D width, V vocabulary.
 */
public record DecoderStackWeights(
        NDArray embedTokens,              // (V, D)
        List<DecoderLayerWeights> layers, // L
        NDArray finalNorm,                // (D)
        NDArray unembed) {                // (V, D)

    /** The family's names for the embedding, the final norm and the LM head; a loader per layer index. */
    public record Names(String embedding, String finalNorm, String head) {}

    public static DecoderStackWeights load(WeightSource source, DecoderConfig c, Names names,
            IntFunction<DecoderLayerWeights> layer) {
        long v = c.vocabSize();
        long d = c.width();
        NDArray embed = source.load(names.embedding(), v, d);
        List<DecoderLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < c.layers(); i++) {
            layers.add(layer.apply(i));
        }
        NDArray norm = source.load(names.finalNorm(), d);
        NDArray unembed = c.tieWordEmbeddings() ? embed : source.load(names.head(), v, d);
        return new DecoderStackWeights(embed, List.copyOf(layers), norm, unembed);
    }
}
