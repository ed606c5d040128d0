package io.audiolens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} without a display, a fresh profile per call and nothing that reaches the
 * network (no component updates, sync or QUIC), each call bounded by a deadline.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path scratch;
    private int calls;

    HeadlessChromium(Path scratch) {
        this.scratch = scratch;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page's load event (its load handlers have run). */
    String dumpDom(Path html) throws Exception {
        return run(List.of("--dump-dom", html.toUri().toString()));
    }

    /** A PNG of the first {@code width} × {@code height} px of the page. */
    void screenshot(Path html, Path png, int width, int height) throws Exception {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
                html.toUri().toString()));
    }

    private String run(List<String> command) throws Exception {
        int call = ++calls;
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile-" + call));
        Path stdout = scratch.resolve("chromium-" + call + ".out");
        Path stderr = scratch.resolve("chromium-" + call + ".err");
        List<String> arguments = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        arguments.addAll(command);
        Process process = new ProcessBuilder(arguments).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + arguments
                    + "\n" + tail(stderr));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": " + arguments + "\n" + tail(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
