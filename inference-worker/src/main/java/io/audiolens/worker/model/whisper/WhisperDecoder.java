package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.model.common.Attention;
import io.audiolens.worker.model.common.KeyValues;
import io.audiolens.worker.model.common.Masks;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * Whisper's text decoder. The audio's cross-attention keys/values are computed once per clip
 * ({@link #listen}); a decoding ({@link Session}) keeps one self-attention cache per layer, so a step runs
 * only its new tokens, and each step's activations are freed when it returns: a clip holds the cache,
 * not every step's arrays. A width, H heads, K head size, T new tokens, S cached tokens, V vocabulary.
 */
final class WhisperDecoder {
    private final WhisperConfig config;
    private final WhisperWeights weights;

    WhisperDecoder(WhisperConfig config, WhisperWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /** Each layer's cross-attention keys/values (H, N, K) of the encoder's output (N, A), in its manager. */
    List<KeyValues> listen(NDArray audio) {
        List<KeyValues> cross = new ArrayList<>();
        for (DecoderLayerWeights layer : weights.decoderLayers()) {
            cross.add(keysAndValues(audio, layer.cross()));
        }
        return cross;
    }

    /** A decoding over the audio; its cache lives in a child of the cross-attention's manager. Close it when done. */
    Session start(List<KeyValues> cross) {
        return new Session(cross);
    }

    final class Session implements AutoCloseable {
        private final List<KeyValues> cross;               // per layer (H, N, K)
        private final List<KeyValues> self = new ArrayList<>(); // per layer (H, S, K)
        private final NDManager cache;
        private int length;

        private Session(List<KeyValues> cross) {
            this.cross = cross;
            this.cache = cross.get(0).keys().getManager().newSubManager();
        }

        /** The logits (V) of the last of {@code ids}, run after the tokens decoded so far. */
        float[] next(long[] ids) {
            try (NDManager step = cache.newSubManager()) {
                NDArray logits = run(step, ids);
                return logits.get(logits.getShape().get(0) - 1).toFloatArray();
            }
        }

        /** The logits (T, V) of every one of {@code ids}, float32, attached to {@code scope}. */
        NDArray all(NDManager scope, long[] ids) {
            try (NDManager step = cache.newSubManager()) {
                NDArray logits = run(step, ids);
                logits.attach(scope);
                return logits;
            }
        }

        private NDArray run(NDManager m, long[] ids) {
            int t = ids.length;
            if (length + t > config.targetPositions()) {
                throw new IllegalArgumentException("Whisper's decoder holds " + config.targetPositions()
                        + " positions; the transcript would need " + (length + t));
            }
            // token and learned position embeddings
            NDArray x = weights.tokens().get(m, new NDIndex("{}", m.create(ids)))
                    .add(weights.targetPositions().get(m, new NDIndex("{}:{}", length, length + t)));  // (T, A)
            NDArray mask = Masks.causalAfter(m, length, t);                                             // (T, S+T)
            for (int l = 0; l < weights.decoderLayers().size(); l++) {
                DecoderLayerWeights w = weights.decoderLayers().get(l);
                // causal self-attention over the cached and the new tokens (pre-LN)
                NDArray h = WhisperEncoderBlocks.layerNorm(x, w.selfNormWeight(), w.selfNormBias());
                KeyValues all = remember(l, keysAndValues(h, w.self()));                               // (H, S+T, K)
                x = x.add(attend(h, w.self(), all, mask));
                // cross-attention to the audio (pre-LN)
                h = WhisperEncoderBlocks.layerNorm(x, w.crossNormWeight(), w.crossNormBias());
                x = x.add(attend(h, w.cross(), cross.get(l), null));
                // feed-forward (pre-LN): fc1 → GELU → fc2
                h = WhisperEncoderBlocks.layerNorm(x, w.ffnNormWeight(), w.ffnNormBias());
                x = x.add(Linear.linear(Activation.gelu(Linear.linear(h, w.fc1(), w.fc1Bias()).head()), w.fc2(),
                        w.fc2Bias()).head());
            }
            length += t;
            x = WhisperEncoderBlocks.layerNorm(x, weights.decoderNormWeight(), weights.decoderNormBias());
            return Linear.linear(x, weights.tokens()).head().toType(DataType.FLOAT32, false); // (T, V); proj_out tied
        }

        /** Layer {@code l}'s cache with the new keys/values appended: kept in the session, the old one freed. */
        private KeyValues remember(int l, KeyValues fresh) {
            KeyValues all = l < self.size() ? self.get(l).append(fresh) : fresh;
            all.keys().attach(cache);
            all.values().attach(cache);
            if (l < self.size()) {
                self.get(l).keys().close();
                self.get(l).values().close();
                self.set(l, all);
            } else {
                self.add(all);
            }
            return all;
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    private KeyValues keysAndValues(NDArray h, AttentionWeights w) {
        int heads = config.decoderHeads();
        return new KeyValues(Attention.splitHeads(Linear.linear(h, w.key()).head(), heads),
                Attention.splitHeads(Linear.linear(h, w.value(), w.valueBias()).head(), heads));
    }

    private NDArray attend(NDArray h, AttentionWeights w, KeyValues kv, NDArray mask) {
        NDArray q = Attention.splitHeads(Linear.linear(h, w.query(), w.queryBias()).head(), config.decoderHeads());
        NDArray attended = Attention.mergeHeads(Attention.attend(q, kv.keys(), kv.values(), mask));
        return Linear.linear(attended, w.out(), w.outBias()).head();
    }
}
