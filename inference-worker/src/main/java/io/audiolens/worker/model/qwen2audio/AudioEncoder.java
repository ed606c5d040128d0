package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;

/**
 * Qwen2-Audio's Whisper-style encoder and projector: conv/GELU stem, learned positions, pre-LN layers,
 * average pool ×2, LayerNorm, linear projector.
 *
 * <p>HF runs all 1500 positions and masks the padded keys; a valid position therefore never sees padding
 * and its output depends only on mel frames {@code 0..2n} ({@code n} valid positions). We run just those
 * frames: the same numbers, up to 30/clip-length times cheaper. M mel bins, A encoder width, D decoder
 * width, N valid encoder positions, P audio tokens.
 */
final class AudioEncoder {
    private static final float LAYER_NORM_EPS = 1e-5f;

    private final AudioEncoderConfig config;
    private final EncoderWeights weights;

    AudioEncoder(AudioEncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /**
     * @param features (M, 3000) log-mel of the padded 30 s window, or its first {@code encoderInputFrames} columns
     * @param frames   real (unpadded) mel frames
     * @return (P, D) audio embeddings for the {@code <|AUDIO|>} positions
     */
    NDArray encode(NDArray features, int frames) {
        int positions = Qwen2AudioConfig.encoderPositions(frames);
        long used = Math.min(features.getShape().get(1), Qwen2AudioConfig.encoderInputFrames(frames));
        NDArray x = features.get(new NDIndex(":, :{}", used)).expandDims(0); // (1, M, 2N+1)
        // conv stem: k3 → GELU → k3 stride 2 → GELU
        x = Activation.gelu(Conv1d.conv1d(x, weights.conv1(), weights.conv1Bias(), new Shape(1), new Shape(1)).head());
        x = Activation.gelu(Conv1d.conv1d(x, weights.conv2(), weights.conv2Bias(), new Shape(2), new Shape(1)).head());
        x = x.get(new NDIndex("0, :, :{}", positions)).transpose(); // (N, A)
        // learned positions
        x = x.add(weights.positions().get(x.getManager(), new NDIndex(":{}", positions)));
        for (EncoderLayerWeights layer : weights.layers()) {
            x = layer(x, layer);
        }
        // average pool ×2 over positions, then LayerNorm
        x = Pool.avgPool1d(x.transpose().expandDims(0), new Shape(2), new Shape(2), new Shape(0), false, false)
                .squeeze(0).transpose(); // (P, A)
        x = layerNorm(x, weights.normWeight(), weights.normBias());
        // projector into the decoder's width
        return Linear.linear(x, weights.projector(), weights.projectorBias()).head(); // (P, D)
    }

    private NDArray layer(NDArray x, EncoderLayerWeights w) {
        int heads = config.heads();
        // self-attention (pre-LN), key projection without bias
        NDArray h = layerNorm(x, w.attnNormWeight(), w.attnNormBias());
        NDArray q = Attention.splitHeads(Linear.linear(h, w.query(), w.queryBias()).head(), heads); // (H, N, K)
        NDArray k = Attention.splitHeads(Linear.linear(h, w.key()).head(), heads);
        NDArray v = Attention.splitHeads(Linear.linear(h, w.value(), w.valueBias()).head(), heads);
        NDArray attended = Attention.mergeHeads(Attention.attend(q, k, v, null)); // (N, A)
        // residual
        x = x.add(Linear.linear(attended, w.out(), w.outBias()).head());
        // feed-forward (pre-LN): fc1 → GELU → fc2, residual
        h = layerNorm(x, w.ffnNormWeight(), w.ffnNormBias());
        h = Linear.linear(Activation.gelu(Linear.linear(h, w.fc1(), w.fc1Bias()).head()), w.fc2(), w.fc2Bias()).head();
        return x.add(h);
    }

    private static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(1)), weight, bias, LAYER_NORM_EPS).head();
    }
}
