package io.audiolens.worker.runtime;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * {@code --dtype}: the type weights and activations are computed in. Whatever it is, RMSNorm's statistics,
 * the attention softmax and the lens's logits are computed in float32 ({@code model/common}).
 *
 * <p>There is no bf16: DJL 0.36's PyTorch engine aborts the JVM on bfloat16 tensors, so {@code bf16} is
 * refused with that reason rather than quietly run as something else. bf16 checkpoints load either way:
 * their weights are widened as they are read.
 */
public enum Precision {
    AUTO, FP32, FP16;

    public static Precision parse(String choice) {
        String text = choice.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "auto" -> AUTO;
            case "fp32" -> FP32;
            case "fp16" -> FP16;
            case "bf16" -> throw new IllegalArgumentException("--dtype bf16: DJL 0.36's PyTorch engine aborts the JVM on"
                    + " bfloat16 tensors, so AudioLens cannot compute in bf16 (bf16 checkpoints load and are widened as"
                    + " they are read); use --dtype fp16 (a GPU's default, half of fp32's memory) or --dtype fp32");
            default -> throw new IllegalArgumentException("unknown --dtype '" + choice + "'; use auto (fp16 on a GPU, fp32"
                    + " on the CPU), fp32 or fp16");
        };
    }

    /** The compute type on a GPU or on the CPU. */
    DataType on(boolean gpu) {
        return switch (this) {
            case AUTO -> gpu ? DataType.FLOAT16 : DataType.FLOAT32;
            case FP32 -> DataType.FLOAT32;
            case FP16 -> DataType.FLOAT16;
        };
    }
}
