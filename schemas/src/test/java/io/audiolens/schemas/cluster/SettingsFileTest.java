package io.audiolens.schemas.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadKeysAndValuesAsJavaPropertiesDo() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                # a comment
                security.protocol = SASL_SSL
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="lens" password="pw";
                """);

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"lens\" password=\"pw\";"),
                SettingsFile.read(file, "--kafka-config"));
    }

    @Test
    void shouldRefuseAMissingFileNamingTheOptionAndThePath() {
        Path missing = dir.resolve("nope.properties");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SettingsFile.read(missing, "--kafka-config"));

        assertEquals("--kafka-config " + missing.toAbsolutePath() + ": no such file; give a Java properties file"
                + " (key=value lines)", error.getMessage());
    }

    @Test
    void shouldRefuseAFolder() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SettingsFile.read(dir, "--registry-config"));

        assertEquals("--registry-config " + dir.toAbsolutePath() + " is a folder; give a properties file",
                error.getMessage());
    }

    @Test
    void shouldRefuseAMalformedEscapeWithoutQuotingTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "apicurio.auth.password=se\\u12cret\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SettingsFile.read(file, "--registry-config"));

        assertEquals("--registry-config " + file.toAbsolutePath() + " is not a valid properties file: a malformed"
                + " \\uXXXX escape; write the character itself or a complete escape", error.getMessage());
    }
}
