package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Default RoPE as HF's Qwen2 and Llama and the original QWen apply it (rotate-half layout): frequencies
 * {@code θ^(-2i/K)} in float32, angle = position × frequency, the K/2 angles repeated twice. K head size,
 * T tokens.
 */
public final class RotaryEmbedding {
    private final float[] inverseFrequencies; // (K/2)
    private final int headSize;

    public RotaryEmbedding(int headSize, double theta) {
        this.headSize = headSize;
        this.inverseFrequencies = new float[headSize / 2];
        for (int i = 0; i < headSize / 2; i++) {
            float exponent = (float) (2 * i) / headSize;
            inverseFrequencies[i] = (float) (1.0 / (float) Math.pow(theta, exponent));
        }
    }

    /** cos and sin tables (T, K) for the given absolute positions, in {@code type}. */
    public NDList tables(NDManager manager, long[] positions, DataType type) {
        int half = headSize / 2;
        float[] cos = new float[positions.length * headSize];
        float[] sin = new float[positions.length * headSize];
        for (int t = 0; t < positions.length; t++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) positions[t] * inverseFrequencies[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[t * headSize + i] = c;
                cos[t * headSize + half + i] = c;
                sin[t * headSize + i] = s;
                sin[t * headSize + half + i] = s;
            }
        }
        Shape shape = new Shape(positions.length, headSize);
        return new NDList(manager.create(cos, shape).toType(type, false), manager.create(sin, shape).toType(type, false));
    }

    /**
     * @param x   (H, T, K), or (B, H, T, K) for a batch of prompts
     * @param cos (T, K), or per prompt (B, 1, T, K)
     * @param sin as cos
     */
    public static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        int last = x.getShape().dimension() - 1;
        long half = x.getShape().get(last) / 2;
        NDArray first = x.get(new NDIndex("..., :{}", half));
        NDArray second = x.get(new NDIndex("..., {}:", half));
        NDArray rotated = second.neg().concat(first, last); // rotate_half
        return x.mul(cos).add(rotated.mul(sin));
    }
}
