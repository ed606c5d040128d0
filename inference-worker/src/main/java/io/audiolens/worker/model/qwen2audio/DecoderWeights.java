package io.audiolens.worker.model.qwen2audio;

import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.DecoderLayerWeights;
import io.audiolens.worker.model.common.DecoderStackWeights;
import io.audiolens.worker.model.common.WeightSource;
import java.util.List;

/**
 * The Qwen2 decoder and its unembedding. HF has saved it under several prefixes over the years
 * ({@code language_model.model.} in the released checkpoints, {@code language_model.model.model.} from
 * transformers 5, {@code model.language_model.}); the one whose {@code embed_tokens} exists is used.
 * Qwen2's q/k/v projections have biases.
 */
final class DecoderWeights {

    private static final List<String> PREFIXES =
            List.of("language_model.model.", "language_model.model.model.", "model.language_model.");
    private static final List<String> HEADS = List.of("language_model.lm_head.weight", "lm_head.weight");

    private DecoderWeights() {}

    static DecoderStackWeights load(WeightSource source, DecoderConfig c) {
        String prefix = PREFIXES.stream().filter(p -> source.has(p + "embed_tokens.weight")).findFirst()
                .orElseThrow(() -> new CheckpointException("no decoder embedding found: none of "
                        + PREFIXES.stream().map(p -> p + "embed_tokens.weight").toList()
                        + " is in the checkpoint; is this a Qwen2-Audio checkpoint?"));
        DecoderStackWeights.Names names = new DecoderStackWeights.Names(prefix + "embed_tokens.weight",
                prefix + "norm.weight", c.tieWordEmbeddings() ? null : head(source));
        return DecoderStackWeights.load(source, c, names,
                i -> DecoderLayerWeights.loadHf(source, prefix + "layers." + i + ".", c, true));
    }

    private static String head(WeightSource source) {
        return HEADS.stream().filter(source::has).findFirst()
                .orElseThrow(() -> new CheckpointException("tensor 'language_model.lm_head.weight' is missing and "
                        + "config.json says tie_word_embeddings=false; add the LM head or set tie_word_embeddings"));
    }
}
