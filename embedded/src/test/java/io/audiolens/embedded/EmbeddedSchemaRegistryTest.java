package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryTest {

    @TempDir
    Path runFolder;

    @Test
    void shouldReportTheChildsExitAndLogWhenItDiesBeforeServing() throws IOException {
        Path notAJar = Files.writeString(runFolder.resolve("runner.jar"), "not a jar");
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.launch(notAJar, runFolder, LoopbackPorts.ANY);

        IllegalStateException error = assertThrows(IllegalStateException.class, registry::awaitReady);

        assertTrue(error.getMessage().startsWith("Apicurio Registry exited with code 1; see "), error.getMessage());
        assertTrue(error.getMessage().contains("Invalid or corrupt jarfile"), error.getMessage());
    }
}
