package io.audiolens.app.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.AudioLens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --kafka-config and --registry-config files that cannot be used stop a command with exit 2 before it connects. */
class SettingsFileOptionsTest {

    /** Nothing listens here: a command that got as far as connecting would fail otherwise, and later. */
    private static final String[] CLUSTER = {"--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1"};

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAMissingKafkaConfigNamingTheFile() throws Exception {
        Path missing = dir.resolve("kafka.properties");

        Result result = produce("--kafka-config", missing.toString());

        assertEquals(2, result.exit());
        assertEquals("audiolens: --kafka-config " + missing.toAbsolutePath() + ": no such file; give a Java"
                + " properties file (key=value lines)", result.err().strip());
    }

    @Test
    void shouldRefuseAKafkaConfigThatTurnsOffIdempotenceNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                security.protocol=SASL_SSL
                enable.idempotence=false
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="pw-41c7";
                """);

        for (String command : new String[] {"produce", "topics"}) {
            Result result = command.equals("produce") ? produce("--kafka-config", file.toString())
                    : run("topics", "--bootstrap-servers", "127.0.0.1:1", "--kafka-config", file.toString());

            assertEquals(2, result.exit(), command);
            assertEquals("audiolens: --kafka-config " + file.toAbsolutePath() + " sets enable.idempotence, which AudioLens"
                    + " owns: AudioLens writes exactly once (idempotent producers, acks=all, transactions); remove that"
                    + " line", result.err().strip(), command);
        }
    }

    @Test
    void shouldRefuseAKafkaConfigThatSetsTheIsolationLevelOrASerializer() throws Exception {
        for (String key : new String[] {"isolation.level", "value.serializer", "key.deserializer"}) {
            Path file = Files.writeString(dir.resolve(key + ".properties"), key + "=x\n");

            Result result = run("aggregator", "--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1",
                    "--kafka-config", file.toString());

            assertEquals(2, result.exit(), key);
            assertTrue(result.err().contains(" sets " + key + ", which AudioLens owns: "), result.err());
        }
    }

    @Test
    void shouldRefuseARegistryConfigThatSetsTheUrlWithoutQuotingAnyValue() throws Exception {
        Path file = Files.writeString(dir.resolve("registry.properties"), """
                apicurio.auth.username=lens
                apicurio.auth.password=pw-93be
                apicurio.registry.url=http://elsewhere:8080
                """);

        Result result = produce("--registry-config", file.toString());

        assertEquals(2, result.exit());
        assertTrue(result.err().startsWith("audiolens: --registry-config " + file.toAbsolutePath() + " sets"
                + " apicurio.registry.url, which is not a registry client setting AudioLens passes on"), result.err());
        assertFalse(result.err().contains("pw-93be"), result.err());
    }

    @Test
    void shouldNameWhatKafkaFindsWrongInAJaasConfigWithoutQuotingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="pw-5d0e"
                """);

        Result result = run("topics", "--bootstrap-servers", "127.0.0.1:1", "--kafka-config", file.toString());

        assertEquals(2, result.exit());
        assertEquals("audiolens: a Kafka client could not be created (JAAS config entry not terminated by semi-colon);"
                + " check --bootstrap-servers and the settings in --kafka-config FILE", result.err().strip());
    }

    @Test
    void shouldRefuseClientSettingsForTheEmbeddedRun() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SASL_SSL\n");

        Result result = run("run", "--dataset", "data", "--model", "model", "--out", dir.resolve("out").toString(),
                "--kafka-config", file.toString());

        assertEquals(2, result.exit());
        assertEquals("audiolens: --kafka-config and --registry-config configure the clients of a cluster given with"
                + " --bootstrap-servers and --registry-url; the embedded default needs neither", result.err().strip());
    }

    private Result produce(String... options) throws IOException {
        Path manifest = Files.writeString(dir.resolve("clips.jsonl"),
                "{\"path\": \"absent.wav\", \"attribute\": \"language\", \"label\": \"English\"}\n");
        List<String> args = new ArrayList<>(List.of("produce", "--manifest", manifest.toString(), "--progress", "none"));
        args.addAll(List.of(CLUSTER));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, err.toString());
    }

    private record Result(int exit, String err) {}
}
