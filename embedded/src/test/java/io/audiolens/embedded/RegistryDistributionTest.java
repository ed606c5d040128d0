package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDistributionTest {

    @TempDir
    Path checkout;

    @Test
    void shouldFindRunnerUnpackedByTheEmbeddedModuleFromASiblingModule() throws IOException {
        Path runner = checkout.resolve("embedded/target/apicurio-registry").resolve(RegistryDistribution.runnerJarName());
        Files.createDirectories(runner.getParent());
        Files.createFile(runner);
        Path siblingModule = Files.createDirectories(checkout.resolve("aggregator"));

        assertEquals(runner, RegistryDistribution.locateRunner(null, siblingModule));
    }

    @Test
    void shouldSayHowToBuildTheRunnerWhenItIsMissing() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RegistryDistribution.locateRunner(null, checkout));

        assertTrue(error.getMessage().contains("Build it with `mvn -B install -pl schemas,embedded`"), error.getMessage());
    }

    @Test
    void shouldRejectAConfiguredRunnerThatIsNotAFile() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RegistryDistribution.locateRunner("/nowhere/runner.jar", checkout));

        assertTrue(error.getMessage().startsWith("-Daudiolens.registry.runner=/nowhere/runner.jar is not a file"),
                error.getMessage());
    }
}
