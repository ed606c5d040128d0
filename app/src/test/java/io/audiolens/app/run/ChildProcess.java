package io.audiolens.app.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code audiolens ARGS} in a separate JVM on the test's classpath, logging to a file. */
final class ChildProcess {
    private ChildProcess() {}

    static Process audiolens(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Daudiolens.worker.transaction.timeout.ms=60000",
                "-cp", System.getProperty("java.class.path"), "io.audiolens.app.AudioLens"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return builder.start();
    }

}
