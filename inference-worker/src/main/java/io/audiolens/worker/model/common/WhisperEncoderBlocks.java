package io.audiolens.worker.model.common;

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
 * The pieces every Whisper-style audio encoder of ours is built from (Qwen2-Audio's tower, Qwen-Audio's
 * encoder, Whisper itself): the convolution stem and the pre-LN layer. Each family frames the mel
 * frames and finishes the encoder its own way. M mel bins, A width, N positions.
 */
public final class WhisperEncoderBlocks {
    private static final float LAYER_NORM_EPS = 1e-5f;

    private WhisperEncoderBlocks() {}

    /**
     * Whisper's stem on mel frames (F, M): conv k3 → GELU → conv k3 stride 2 → GELU, to ((F−1)/2 + 1, A).
     *
     * @param conv1 (A, M, 3), conv2 (A, A, 3) and their biases (A)
     */
    public static NDArray stem(NDArray frames, NDArray conv1, NDArray conv1Bias, NDArray conv2, NDArray conv2Bias) {
        NDArray x = Activation.gelu(convolve(frames, conv1, conv1Bias, 1)); // (F, A)
        return Activation.gelu(convolve(x, conv2, conv2Bias, 2));           // ((F−1)/2 + 1, A)
    }

    /**
     * Conv1d with kernel 3 and padding 1, as Whisper's stem: (T, C) → ((T − 1) / stride + 1, O), from
     * weight (O, C, 3) and bias (O). Written as three matmuls of shifted rows rather than through
     * PyTorch's convolution, whose CPU dispatch probes NNPACK on every call and, on CPUs NNPACK does not
     * support, prints a warning each time; the sum is the same (checked against HF by the fixture tests).
     */
    public static NDArray convolve(NDArray x, NDArray weight, NDArray bias, int stride) {
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

    /** One pre-LN encoder layer over (N, A), every position attending to every other. */
    public static NDArray layer(NDArray x, EncoderLayerWeights w, int heads) {
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

    /** LayerNorm over the last axis of (N, A), eps 1e-5 as Whisper's. */
    public static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(1)), weight, bias, LAYER_NORM_EPS).head();
    }

    /** Average pool ×2 over positions, (N, A) → (N/2, A), the last odd position dropped. */
    public static NDArray averagePoolPairs(NDArray x) {
        return Pool.avgPool1d(x.transpose().expandDims(0), new Shape(2), new Shape(2), new Shape(0),
                false, false).squeeze(0).transpose();
    }

    /** Whisper's {@code sinusoids(length, channels)} position table, (length, channels): sines, then cosines. */
    public static float[] sinusoids(int length, int channels) {
        int half = channels / 2;
        double increment = Math.log(10_000) / (half - 1);
        float[] table = new float[length * channels];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < half; i++) {
                double angle = t * Math.exp(-increment * i);
                table[t * channels + i] = (float) Math.sin(angle);
                table[t * channels + half + i] = (float) Math.cos(angle);
            }
        }
        return table;
    }
}
