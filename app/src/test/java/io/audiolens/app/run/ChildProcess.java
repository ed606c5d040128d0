package io.audiolens.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code audiolens ARGS} in a separate JVM on the test's classpath: for a killed worker, and for what is
 * read once per process (the environment, the PyTorch engine).
 */
public final class ChildProcess {
    private static final long MINUTES = 3;

    private ChildProcess() {}

    /** Started with its output and log in one file. */
    static Process audiolens(Path log, String... args) throws IOException {
        return command(List.of(), args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Started with {@code env} added to this JVM's environment; stdout and stderr kept apart in {@code dir}. */
    public static Running start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, env, List.of(), args);
    }

    /** {@link #start(Path, Map, String...)} with {@code jvmOptions} (system properties, say) for the child JVM. */
    public static Running start(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = command(jvmOptions, args).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new Running(builder.start(), out, err, String.join(" ", args));
    }

    /** {@link #start} and wait for it. */
    public static Finished run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(dir, env, args).await();
    }

    public record Running(Process process, Path out, Path err, String args) {
        public Finished await() throws IOException, InterruptedException {
            if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("audiolens " + args + " did not end within " + MINUTES + " minutes");
            }
            return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    public record Finished(int exitCode, String out, String err) {}

    private static ProcessBuilder command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Daudiolens.worker.transaction.timeout.ms=60000"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.audiolens.app.AudioLens"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return builder;
    }
}
