package io.audiolens.worker.runtime;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * DJL's PyTorch engine, started once per process. A start that fails keeps DJL's whole cause chain
 * ({@link EngineStartException}); a {@code PYTORCH_LIBRARY_PATH} without libtorch fails too, where DJL 0.36
 * would ignore it and load the CPU libtorch of its jar without a word.
 */
public final class PyTorchEngine {
    public static final String NAME = "PyTorch";
    static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    private static final String LIBTORCH = System.mapLibraryName("torch");

    private PyTorchEngine() {}

    public static Engine start() {
        checkLibraryPath();
        try {
            return Engine.getEngine(NAME);
        } catch (RuntimeException | Error e) {
            throw new EngineStartException("the PyTorch engine did not start", e);
        }
    }

    private static void checkLibraryPath() {
        String value = Utils.getEnvOrSystemProperty(LIBRARY_PATH);
        if (value == null || value.isEmpty()) {
            return;
        }
        List<Path> entries = Arrays.stream(value.split(File.pathSeparator)).map(Path::of).toList();
        boolean found = entries.stream().anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(LIBTORCH)
                ? Files.isRegularFile(p) : Files.isRegularFile(p.resolve(LIBTORCH)));
        if (!found) {
            throw new EngineStartException(LIBRARY_PATH + "=" + value + " holds no " + LIBTORCH + " (looked in "
                    + entries + "); DJL would ignore it and load the CPU libtorch bundled in its jar instead. Point "
                    + LIBRARY_PATH + " at the lib folder of libtorch " + EngineFacts.jniLibtorchVersion() + " (" + LIBTORCH
                    + ", libc10.so, ...) or unset it", null);
        }
    }
}
