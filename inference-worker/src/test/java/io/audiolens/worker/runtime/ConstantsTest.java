package io.audiolens.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A factor or divisor survives a garbage collection between the forward and the backward pass, after which
 * freed native memory is handed out again and overwritten (what broke DJL's own Number overloads: with
 * {@code x.mul(2.5)} this test reads gradients of 1e30); the values are DJL's; and nothing the model or
 * the trainer differentiates calls DJL's Number overloads any more.
 */
class ConstantsTest {
    private static final float[] X = {1, 2, 3};

    @Test
    void shouldKeepTheConstantForTheBackwardPass() throws InterruptedException {
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f}, gradientAfterCollection(x -> Constants.times(x, 2.5)));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gradientAfterCollection(x -> Constants.dividedBy(x, 4)));
    }

    @Test
    void shouldComputeWhatDjlComputes() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(new float[] {1.1f, -2.3f, 7f});
            assertEquals(x.mul(0.1), Constants.times(x, 0.1));
            assertEquals(x.div(3), Constants.dividedBy(x, 3));
            assertEquals(x.add(Math.log(8)), Constants.plus(x, Math.log(8)));
            assertEquals(x.sub(1e-6f), Constants.minus(x, 1e-6f));
            assertEquals(x.add(Math.log(8)).getDataType(), Constants.plus(x, Math.log(8)).getDataType());
        }
    }

    @Test
    void shouldBeHowTheModelAndTheTrainerUseConstants() throws Exception {
        // any call of an NDArray method taking a Number (mul, div, add, sub, pow, maximum, ...) names this descriptor
        String numberOverload = "(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;";
        Path classes = Path.of(Qwen2AudioModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        for (Path differentiated : List.of(classes.resolve("io/audiolens/worker/model"),
                classes.resolve("io/audiolens/worker/training"))) {
            try (Stream<Path> files = Files.walk(differentiated)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(numberOverload)) {
                        offenders.add(classes.relativize(file).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "classes on a differentiated path that call DJL's Number overloads");
    }

    /** d(sum f(x))/dx, with a garbage collection and fresh native allocations between forward and backward. */
    private static float[] gradientAfterCollection(UnaryOperator<NDArray> f) throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            NDArray y = f.apply(x).sum();
            System.gc();
            Thread.sleep(100); // the cleaner frees unreachable direct buffers on its own thread
            List<ByteBuffer> reused = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                reused.add(ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putDouble(0, 1e30));
            }
            collector.backward(y);
            return x.getGradient().toFloatArray();
        }
    }
}
