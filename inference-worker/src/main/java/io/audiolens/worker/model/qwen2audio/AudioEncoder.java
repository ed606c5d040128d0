package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
        NDArray x = features.get(new NDIndex(":, :{}", used)).transpose(); // (2N+1, M)
        // conv stem: k3 → GELU → k3 stride 2 → GELU
        x = Activation.gelu(convolve(x, weights.conv1(), weights.conv1Bias(), 1));  // (2N+1, A)
        x = Activation.gelu(convolve(x, weights.conv2(), weights.conv2Bias(), 2));  // (N+1, A)
        x = x.get(new NDIndex(":{}", positions)); // (N, A)
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

    /**
     * Conv1d with kernel 3 and padding 1, as Whisper's stem: (T, C) → ((T − 1) / stride + 1, O), from
     * weight (O, C, 3) and bias (O). Written as three matmuls of shifted rows rather than through
     * PyTorch's convolution, whose CPU dispatch probes NNPACK on every call and, on CPUs NNPACK does not
     * support, prints a warning each time; the sum is the same (checked against HF by the fixture tests).
     */
    static NDArray convolve(NDArray x, NDArray weight, NDArray bias, int stride) {
        NDManager m = x.getManager();
        long frames = x.getShape().get(0);
        long out = (frames - 1) / stride + 1;
        NDArray zero = m.zeros(new Shape(1, x.getShape().get(1)), x.getDataType());
        NDArray padded = NDArrays.concat(new NDList(zero, x, zero), 0); // (T+2, C)
        NDArray sum = null;
        for (int k = 0; k < 3; k++) {
            NDArray taps = padded.get(new NDIndex("{}:{}:{}", k, k + stride * (out - 1) + 1, stride)); // (T', C)
            NDArray term = Linear.linear(taps, weight.get(m, new NDIndex(":, :, {}", k))).head();  // (T', O)
            sum = sum == null ? term : sum.add(term);
        }
        return sum.add(bias);
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
