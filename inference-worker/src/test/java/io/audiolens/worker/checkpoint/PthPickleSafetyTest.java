package io.audiolens.worker.checkpoint;

import static io.audiolens.worker.checkpoint.PthCheckpointTest.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.razorvine.pickle.Unpickler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile pickles: under Python's pickle each would run {@code os.system(cmd)}. Here {@code os.system} is
 * registered in razorvine's shared constructor registry as a stand-in that does what the command would
 * (create a marker file) and counts its calls, so "nothing ran" is observable in Java: a plain razorvine
 * Unpickler does call it (the control), the state-dict reader must not.
 */
class PthPickleSafetyTest {
    /** The three ways a pickle can name a global and call it. */
    enum Call { GLOBAL_REDUCE, STACK_GLOBAL_REDUCE, INST }

    private final AtomicInteger systemCalls = new AtomicInteger();

    @TempDir
    Path dir;

    private Path marker;

    @BeforeEach
    void registerOsSystem() {
        marker = dir.resolve("pwned");
        Unpickler.registerConstructor("os", "system", args -> {
            systemCalls.incrementAndGet();
            try {
                return Files.createFile(Path.of((String) args[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void forgetOsSystem() {
        SharedRegistry.forget("os.system");
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void shouldRefuseOsSystemWithoutCallingIt(Call call) throws IOException {
        // a real tensor first, then the payload as a second entry of the state dict
        byte[] pickle = payload(new PickleProgram().emptyDict().mark().string("weight")
                .tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1}).string("payload"), call)
                .setItems().stop();
        Path pth = TorchZip.write(dir.resolve("connector.pth"), pickle,
                Map.of("0", SafetensorsWriter.f32(new float[] {1.5f, -2f})));

        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(pth));

        assertEquals(0, systemCalls.get(), "os.system's constructor was called");
        assertFalse(Files.exists(marker), "the payload's side effect happened");
        assertMentions(e, pth.toString(), "os.system", "nothing of the file was run");

        new Unpickler().loads(payload(new PickleProgram(), call).stop());
        assertEquals(1, systemCalls.get(), "control: a permissive unpickler runs the payload");
        assertTrue(Files.exists(marker), "control: the payload creates the marker");
    }

    @Test
    void shouldRefuseCallingAnAllowedStorageClass() throws IOException {
        byte[] pickle = new PickleProgram().global("torch", "FloatStorage").string("16").tuple1().reduce().stop();
        Path pth = TorchZip.write(dir.resolve("connector.pth"), pickle, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(pth));
        assertMentions(e, pth.toString(), "torch.FloatStorage is called");
    }

    @Test
    void shouldRefuseAStringLongerThanThePickleBeforeAllocatingIt() throws IOException {
        byte[] pickle = new PickleProgram().op('X').int32(Integer.MAX_VALUE - 16).stop();
        Path pth = TorchZip.write(dir.resolve("connector.pth"), pickle, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthCheckpoint.open(pth));
        assertMentions(e, pth.toString(), "runs past the end of data.pkl");
    }

    /** {@code os.system(marker)} in the form {@code call}, appended to {@code program}. */
    private PickleProgram payload(PickleProgram program, Call call) {
        return switch (call) {
            case GLOBAL_REDUCE -> program.global("os", "system").string(marker.toString()).tuple1().reduce();
            case STACK_GLOBAL_REDUCE -> program.stackGlobal("os", "system").string(marker.toString()).tuple1().reduce();
            case INST -> program.mark().string(marker.toString()).inst("os", "system");
        };
    }

    /** razorvine's registry is static and shared by the JVM: remove what a test put there. */
    private static final class SharedRegistry extends Unpickler {
        static void forget(String global) {
            objectConstructors.remove(global);
        }
    }
}
