package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.model.common.Attention;
import io.audiolens.worker.model.common.KeyValues;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * Whisper's text decoder, one generation at a time ({@link Session}): the cross-attention keys/values of
 * the audio are computed once, the self-attention keys/values grow with every step, so a step runs only
 * its new tokens. A width, H heads, T new tokens, S cached tokens, V vocabulary.
 */
final class WhisperDecoder {
    private static final float MASKED = -Float.MAX_VALUE;

    private final WhisperConfig config;
    private final WhisperWeights weights;

    WhisperDecoder(WhisperConfig config, WhisperWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /** A decoding over the encoder's output (N, A); its arrays live in the output's manager. */
    Session start(NDArray audio) {
        return new Session(audio);
    }

    final class Session {
        private final List<KeyValues> cross = new ArrayList<>(); // per layer (H, N, K)
        private final List<KeyValues> self = new ArrayList<>();  // per layer (H, S, K)
        private int length;

        private Session(NDArray audio) {
            int heads = config.decoderHeads();
            for (DecoderLayerWeights layer : weights.decoderLayers()) {
                AttentionWeights w = layer.cross();
                cross.add(new KeyValues(Attention.splitHeads(Linear.linear(audio, w.key()).head(), heads),
                        Attention.splitHeads(Linear.linear(audio, w.value(), w.valueBias()).head(), heads)));
            }
        }

        /** Tokens decoded so far. */
        int length() {
            return length;
        }

        /** Runs the next tokens and returns their logits (T, V) in float32. */
        NDArray step(long[] ids) {
            NDManager m = cross.get(0).keys().getManager();
            int t = ids.length;
            if (length + t > config.targetPositions()) {
                throw new IllegalArgumentException("Whisper's decoder holds " + config.targetPositions()
                        + " positions; the transcript would need " + (length + t));
            }
            // token and learned position embeddings
            NDArray x = weights.tokens().get(m, new NDIndex("{}", m.create(ids)))
                    .add(weights.targetPositions().get(m, new NDIndex("{}:{}", length, length + t))); // (T, A)
            NDArray mask = causalAfter(m, length, t);
            for (int l = 0; l < weights.decoderLayers().size(); l++) {
                DecoderLayerWeights w = weights.decoderLayers().get(l);
                // causal self-attention over the cached and the new tokens (pre-LN)
                NDArray h = WhisperEncoderBlocks.layerNorm(x, w.selfNormWeight(), w.selfNormBias());
                KeyValues fresh = keysAndValues(h, w.self());
                KeyValues all = length == 0 ? fresh : self.get(l).append(fresh);
                if (length == 0) {
                    self.add(all);
                } else {
                    self.set(l, all);
                }
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
            return Linear.linear(x, weights.tokens()).head().toType(DataType.FLOAT32, false); // proj_out tied
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

    /** (T, S+T): the T new tokens see every cached token and, causally, each other. */
    private static NDArray causalAfter(NDManager m, int cached, int t) {
        int width = cached + t;
        float[] mask = new float[t * width];
        for (int i = 0; i < t; i++) {
            for (int j = cached + i + 1; j < width; j++) {
                mask[i * width + j] = MASKED;
            }
        }
        return m.create(mask, new Shape(t, width));
    }
}
