package io.audiolens.worker.runtime;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a constant that autograd can differentiate through. Use it instead of DJL's
 * {@code NDArray.mul(Number)}, {@code div(Number)}, {@code add(Number)} and {@code sub(Number)} on any
 * path that training differentiates.
 *
 * <p>DJL 0.36 wraps the number in a 0-d tensor over a Java direct buffer and closes that tensor as soon
 * as the operation returns. PyTorch's autograd keeps the tensor for the backward pass (the gradient of
 * {@code x·c} is {@code c}), but its memory belongs to the buffer, which the next garbage collection
 * frees: the backward pass then reads whatever was allocated in its place. Measured: the gradient of
 * {@code x·2.5} came out as 0 or 1e30 ({@code ConstantsTest}), and full training runs with the same seed
 * drifted apart at a random step. Here the constant is made in {@code x}'s manager and left open, so it
 * lives as long as the arrays of the step that differentiates through it. The numbers are DJL's: the
 * constant has the type DJL gives it (a {@code double} is float64, an {@code int} int32).
 *
 * <p>Each constant stays open until {@code x}'s manager closes: call these on arrays of a per-step or
 * per-clip manager, never on a weight, whose manager lives as long as the model.
 */
public final class Constants {
    private Constants() {}

    public static NDArray times(NDArray x, Number c) {
        return x.mul(constant(x, c));
    }

    public static NDArray dividedBy(NDArray x, Number c) {
        return x.div(constant(x, c));
    }

    public static NDArray plus(NDArray x, Number c) {
        return x.add(constant(x, c));
    }

    public static NDArray minus(NDArray x, Number c) {
        return x.sub(constant(x, c));
    }

    private static NDArray constant(NDArray x, Number c) {
        return x.getManager().create(c);
    }
}
