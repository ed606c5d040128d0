package io.audiolens.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared libraries this process has mapped, read from {@code /proc/self/maps}: what was loaded, not what
 * DJL meant to load. Empty where the file does not exist (not Linux).
 */
final class NativeLibraries {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private NativeLibraries() {}

    static List<Path> loaded() {
        if (!Files.isReadable(MAPS)) {
            return List.of();
        }
        try {
            return Files.readAllLines(MAPS).stream()
                    .map(line -> line.indexOf('/') < 0 ? "" : line.substring(line.indexOf('/')))
                    .filter(file -> file.contains(".so")).distinct().map(Path::of).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
