package io.audiolens.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Finds the Apicurio Registry runner jar that the Maven build unpacks from
 * {@code io.apicurio:apicurio-registry-app:VERSION:tar.gz:all} into {@code embedded/target/apicurio-registry}.
 */
public final class RegistryDistribution {

    /** System property that points at the runner jar explicitly, e.g. in a packaged launcher. */
    public static final String RUNNER_PROPERTY = "audiolens.registry.runner";

    static final String UNPACKED_FOLDER = "target/apicurio-registry";

    private RegistryDistribution() {
    }

    /** The runner jar named by {@value #RUNNER_PROPERTY}, or found from the working directory upwards. */
    public static Path locateRunner() {
        return locateRunner(System.getProperty(RUNNER_PROPERTY), Path.of("").toAbsolutePath());
    }

    static Path locateRunner(String configured, Path workingDir) {
        if (configured != null && !configured.isBlank()) {
            Path runner = Path.of(configured);
            if (!Files.isRegularFile(runner)) {
                throw new IllegalStateException("-D" + RUNNER_PROPERTY + "=" + configured
                        + " is not a file; point it at " + runnerJarName() + " or unset it. " + howToBuild());
            }
            return runner;
        }
        List<Path> candidates = candidates(workingDir);
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("Apicurio Registry runner jar not found; looked at "
                        + candidates.stream().map(Path::toString).collect(Collectors.joining(", ")) + ". "
                        + howToBuild()));
    }

    static String runnerJarName() {
        return "apicurio-registry-app-" + apicurioVersion() + "-runner.jar";
    }

    private static List<Path> candidates(Path workingDir) {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(UNPACKED_FOLDER).resolve(runnerJarName()));
            candidates.add(dir.resolve("embedded").resolve(UNPACKED_FOLDER).resolve(runnerJarName()));
        }
        return candidates;
    }

    private static String howToBuild() {
        return "Build it with `mvn -B install -pl schemas,embedded` in the repository root (unpacks "
                + "io.apicurio:apicurio-registry-app:" + apicurioVersion() + ":tar.gz:all into embedded/"
                + UNPACKED_FOLDER + "), or pass -D" + RUNNER_PROPERTY + "=/path/to/" + runnerJarName() + ".";
    }

    private static String apicurioVersion() {
        try (InputStream in = RegistryDistribution.class.getResourceAsStream("apicurio-registry.properties")) {
            if (in == null) {
                throw new IllegalStateException("apicurio-registry.properties is missing from the embedded jar;"
                        + " rebuild it with Maven, which fills in the Apicurio version");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("apicurio.version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read apicurio-registry.properties", e);
        }
    }
}
