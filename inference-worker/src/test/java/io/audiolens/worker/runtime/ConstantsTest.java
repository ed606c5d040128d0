package io.audiolens.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A factor or divisor survives a garbage collection between the forward and the backward pass, after which
 * freed native memory is handed out again and overwritten (what broke DJL's own Number overloads: with
 * {@code x.mul(2.5)} in place of {@code Constants.times} this harness reads gradients of 0 or 1e30); the
 * values are DJL's; and no class of the worker but feature extraction calls DJL's Number overloads.
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
    void shouldBeHowTheWorkerComputesWithConstants() throws Exception {
        // every call of a DJL array method that takes a Number (NDArray.mul(Number), NDArrays.add(NDArray, Number),
        // clip(Number, Number), NDManager.create(Number), ...), found in the compiled classes: only Constants, which
        // keeps what it creates, and feature extraction, which no gradient reaches, may make them
        Path classes = Path.of(Qwen2AudioModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> arguments = new ArrayList<>(List.of("-c", "-p"));
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).map(Path::toString).sorted().forEach(arguments::add);
        }
        StringWriter listing = new StringWriter();
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        assertEquals(0, javap.run(new PrintWriter(listing), new PrintWriter(new StringWriter()), arguments.toArray(String[]::new)));
        Pattern type = Pattern.compile("\\b(?:class|interface) ([\\w.$]+)");
        Pattern numberCall = Pattern.compile("Method ai/djl/ndarray/[\\w/$]+\\.\\w+:\\([^)]*Ljava/lang/Number;");
        Set<String> callers = new TreeSet<>();
        String current = null;
        int types = 0;
        for (String line : listing.toString().lines().toList()) {
            Matcher declared = type.matcher(line);
            if (!line.startsWith(" ") && declared.find()) {
                current = declared.group(1);
                types++;
            } else if (numberCall.matcher(line).find()) {
                callers.add(current);
            }
        }
        assertTrue(types > 50, "javap listed " + types + " types");
        assertEquals(Set.of("io.audiolens.worker.features.WhisperLogMel", Constants.class.getName()), callers,
                "classes that call DJL's Number overloads");
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
