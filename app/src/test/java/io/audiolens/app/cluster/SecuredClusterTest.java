package io.audiolens.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.synthetic.SyntheticProjections;
import io.audiolens.app.AudioLens;
import io.audiolens.app.run.ChildProcess;
import io.audiolens.embedded.BrokerSecurity;
import io.audiolens.embedded.EmbeddedKafkaBroker;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.TlsIdentity;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.topics.TopicSpec;
import io.audiolens.schemas.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands against a secured cluster, each given its settings files: a real broker with SASL_PLAINTEXT and
 * SASL_SSL listeners (PLAIN and SCRAM-SHA-512, a certificate made with keytool), and the real registry behind a
 * proxy that asks for basic auth. The topics are created once by {@code audiolens topics} over SCRAM-SHA-512.
 * Right credentials run the pipeline; wrong ones stop each command with exit 2 and what to check; no credential
 * is ever printed. The timeout only turns a hang into a failure.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecuredClusterTest {

    private static final Path DATASET = Path.of("target/test-classes/speech-mini").toAbsolutePath();
    private static final Path MODEL = Path.of("target/test-classes/qwen2audio-tiny-a").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "audiolens";
    private static final String KAFKA_PASSWORD = "kafka-secret-" + UUID.randomUUID();
    private static final String WRONG_KAFKA_PASSWORD = "wrong-kafka-" + UUID.randomUUID();
    private static final String REGISTRY_PASSWORD = "registry-secret-" + UUID.randomUUID();
    private static final String WRONG_REGISTRY_PASSWORD = "wrong-registry-" + UUID.randomUUID();
    private static final List<String> SECRETS = List.of(KAFKA_PASSWORD, WRONG_KAFKA_PASSWORD, REGISTRY_PASSWORD,
            WRONG_REGISTRY_PASSWORD);

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static BasicAuthProxy registry;
    private static Path plain;
    private static Path scram;
    private static Path tls;
    private static Path wrongPassword;
    private static Path registryAuth;
    private static Path wrongRegistryAuth;

    @BeforeAll
    static void startSecuredCluster(EmbeddedPlatform platform) throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned(dir.resolve("tls"));
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"),
                BrokerSecurity.sasl(Map.of(USER, KAFKA_PASSWORD)).withTls(identity));
        registry = BasicAuthProxy.start(platform.registryUrl(), USER, REGISTRY_PASSWORD);
        plain = settings("plain.properties", "SASL_PLAINTEXT", "PLAIN", KAFKA_PASSWORD, "");
        scram = settings("scram.properties", "SASL_PLAINTEXT", "SCRAM-SHA-512", KAFKA_PASSWORD, "");
        tls = settings("tls.properties", "SASL_SSL", "PLAIN", KAFKA_PASSWORD,
                "ssl.truststore.type=PEM\nssl.truststore.location=" + identity.certificatePem() + "\n");
        wrongPassword = settings("wrong.properties", "SASL_PLAINTEXT", "PLAIN", WRONG_KAFKA_PASSWORD, "");
        registryAuth = Files.writeString(dir.resolve("registry.properties"),
                "apicurio.auth.username=" + USER + "\napicurio.auth.password=" + REGISTRY_PASSWORD + "\n");
        wrongRegistryAuth = Files.writeString(dir.resolve("registry-wrong.properties"),
                "apicurio.auth.username=" + USER + "\napicurio.auth.password=" + WRONG_REGISTRY_PASSWORD
                        + "\napicurio.registry.retry-count=1\n");
        Result topics = audiolens("topics", "--bootstrap-servers", secured(SecurityProtocol.SASL_PLAINTEXT),
                "--kafka-config", scram.toString(), "--replication-factor", "1");
        if (topics.exit() != 0 || !topicNames().containsAll(Topics.specs().stream().map(TopicSpec::name).toList())) {
            throw new AssertionError("audiolens topics over SCRAM-SHA-512 did not create the topics (exit "
                    + topics.exit() + "): " + topics.err() + "; the broker has " + topicNames());
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** First: run waits until the aggregator has counted exactly its own projections, and later tests leave some. */
    @Test
    @Order(1)
    void shouldRunThePipelineOverSaslSslWithTheSettingsFiles() throws Exception {
        int refusedBefore = registry.refused();
        Path out = dir.resolve("run");
        Result run = audiolens("run", "--dataset", DATASET.toString(), "--model", MODEL.toString(), "--out",
                out.toString(), "--device", "cpu", "--probe-size", "2", "--prompts", "P1",
                "--bootstrap-servers", secured(SecurityProtocol.SASL_SSL), "--registry-url", registry.url(),
                "--kafka-config", tls.toString(), "--registry-config", registryAuth.toString());

        assertEquals(0, run.exit(), run.err());
        int clips = Files.readAllLines(DATASET.resolve("Gender/metadata.csv")).size() - 1
                + Files.readAllLines(DATASET.resolve("Language/metadata.csv")).size() - 1;
        assertEquals(clips * 3, Files.readAllLines(out.resolve("projections.jsonl")).size(), "clips × P1 × 3 views");
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        int counted = 0;
        for (JsonNode group : metrics.path("groups")) {
            counted += group.path("samples").asInt();
        }
        assertEquals(clips * 3, counted, "the aggregator (Kafka Streams over SASL_SSL) counted every projection");
        assertTrue(registry.passed() > 0, "no request reached the registry through the basic-auth proxy");
        assertEquals(refusedBefore, registry.refused(), "the registry client was refused with the right credentials");
    }

    @Test
    void shouldStopEveryCommandWithExit2WhenKafkaRefusesItsCredentials() throws Exception {
        String address = secured(SecurityProtocol.SASL_PLAINTEXT);
        String[] cluster = {"--bootstrap-servers", address, "--registry-url", registry.url(), "--kafka-config",
            wrongPassword.toString(), "--registry-config", registryAuth.toString()};
        List<String[]> commands = List.of(
                new String[] {"topics", "--bootstrap-servers", address, "--kafka-config", wrongPassword.toString()},
                concat(new String[] {"produce", "--manifest", manifest().toString(), "--progress", "none"}, cluster),
                concat(new String[] {"worker", "--model", MODEL.toString(), "--device", "cpu", "--http-port", "-1",
                    "--worker-id", "refused"}, cluster),
                concat(new String[] {"aggregator", "--http-port", "-1", "--state-dir", dir.resolve("refused").toString()},
                        cluster),
                concat(new String[] {"baseline", "--unpin", "--group", "m|language|P1|last"}, cluster),
                concat(new String[] {"run", "--dataset", DATASET.toString(), "--model", MODEL.toString(), "--out",
                    dir.resolve("refused-run").toString(), "--device", "cpu"}, cluster));

        for (String[] command : commands) {
            long started = System.nanoTime();
            Result result = audiolens(command);
            System.out.printf("%s with a wrong password: exit %d after %d ms%n", command[0], result.exit(),
                    (System.nanoTime() - started) / 1_000_000);

            assertEquals(2, result.exit(), command[0] + ": " + result.err());
            assertTrue(result.err().contains("audiolens: the Kafka cluster did not accept our credentials (Authentication"
                    + " failed: Invalid username or password); check security.protocol, sasl.mechanism and"
                    + " sasl.jaas.config in --kafka-config FILE"), command[0] + ": " + result.err());
            assertNoSecret(result.err());
        }
    }

    @Test
    void shouldStopWithExit2WhenTheBrokersCertificateIsNotTrusted() throws Exception {
        Result untrusted = audiolens("topics", "--bootstrap-servers", secured(SecurityProtocol.SASL_SSL), "--kafka-config",
                Files.writeString(dir.resolve("untrusted.properties"), Files.readString(plain)
                        .replace("SASL_PLAINTEXT", "SASL_SSL")).toString());
        assertEquals(2, untrusted.exit(), untrusted.err());
        assertTrue(untrusted.err().startsWith("audiolens: the TLS handshake with the Kafka cluster failed (SSL handshake"
                + " failed); check ssl.truststore.*"), untrusted.err());
    }

    @Test
    void shouldStopProduceTheWorkerAndTheAggregatorWhenTheRegistryRefusesTheCredentials(EmbeddedPlatform platform)
            throws Exception {
        String[] kafka = {"--bootstrap-servers", secured(SecurityProtocol.SASL_PLAINTEXT), "--registry-url",
            registry.url(), "--kafka-config", plain.toString()};
        Path wav = DATASET.resolve("Language/audio/english_f5_27.wav");
        Path manifest = Files.writeString(dir.resolve("one.jsonl"),
                "{\"path\": \"" + wav + "\", \"attribute\": \"language\", \"label\": \"English\"}\n");
        String dataset = "registry-" + UUID.randomUUID();
        Result sent = audiolens(concat(new String[] {"produce", "--manifest", manifest.toString(), "--dataset-name",
            dataset, "--progress", "none", "--registry-config", registryAuth.toString()}, kafka));
        assertEquals(0, sent.exit(), sent.err());

        String expected = "audiolens: the schema registry at " + registry.url() + "/apis/registry/v2 did not accept our"
                + " credentials (HTTP 401); check the credentials in --registry-config " + wrongRegistryAuth.toAbsolutePath();
        Result produce = audiolens(concat(new String[] {"produce", "--manifest", manifest.toString(), "--progress",
            "none", "--registry-config", wrongRegistryAuth.toString()}, kafka));
        assertEquals(2, produce.exit(), produce.err());
        assertEquals(expected, produce.err().strip());

        Result worker = audiolens(concat(new String[] {"worker", "--model", MODEL.toString(), "--device", "cpu",
            "--http-port", "-1", "--worker-id", "registry-refused", "--group", "refused-" + UUID.randomUUID(),
            "--registry-config", wrongRegistryAuth.toString()}, kafka));
        assertEquals(2, worker.exit(), "a refused registry must stop the worker, not dead-letter the sample: " + worker.err());
        assertTrue(worker.err().contains(expected), worker.err());

        publishProjection(platform);
        Result aggregator = audiolens(concat(new String[] {"aggregator", "--http-port", "-1", "--application-id",
            "refused-" + UUID.randomUUID(), "--state-dir", dir.resolve("registry-refused").toString(),
            "--registry-config", wrongRegistryAuth.toString()}, kafka));
        assertEquals(2, aggregator.exit(), "a refused registry must stop the aggregator, not dead-letter: " + aggregator.err());
        assertTrue(aggregator.err().startsWith("audiolens: the schema registry at " + registry.url()), aggregator.err());
        assertNoSecret(produce.err() + worker.err() + aggregator.err());
    }

    @Test
    void shouldPrintNoSecretInAnyOutputOrLogEvenWithKafkasConfigurationDumps() throws Exception {
        Path logConfig = Files.writeString(dir.resolve("log4j2-info.xml"), """
                <Configuration status="WARN">
                  <Appenders><Console name="err" target="SYSTEM_ERR"><PatternLayout pattern="%c %msg%n"/></Console></Appenders>
                  <Loggers><Root level="info"><AppenderRef ref="err"/></Root></Loggers>
                </Configuration>
                """);
        List<String> verbose = List.of("-Dlog4j2.configurationFile=" + logConfig);
        String[] base = {"produce", "--manifest", manifest().toString(), "--progress", "none",
            "--bootstrap-servers", secured(SecurityProtocol.SASL_PLAINTEXT), "--registry-url", registry.url()};

        ChildProcess.Finished right = ChildProcess.start(dir, Map.of(), verbose, concat(base, new String[] {
            "--kafka-config", plain.toString(), "--registry-config", registryAuth.toString()})).await();
        ChildProcess.Finished wrongKafka = ChildProcess.start(dir, Map.of(), verbose, concat(base, new String[] {
            "--kafka-config", wrongPassword.toString(), "--registry-config", registryAuth.toString()})).await();
        ChildProcess.Finished wrongRegistry = ChildProcess.start(dir, Map.of(), verbose, concat(base, new String[] {
            "--kafka-config", plain.toString(), "--registry-config", wrongRegistryAuth.toString()})).await();

        assertEquals(0, right.exitCode(), right.err());
        assertEquals(2, wrongKafka.exitCode(), wrongKafka.err());
        assertEquals(2, wrongRegistry.exitCode(), wrongRegistry.err());
        for (ChildProcess.Finished run : List.of(right, wrongKafka, wrongRegistry)) {
            String printed = run.out() + run.err();
            assertTrue(printed.contains("sasl.jaas.config=[redacted]"), "our own summary of the settings: " + printed);
            assertTrue(printed.contains("apicurio.auth.password=[redacted]"), printed);
            assertTrue(printed.contains("sasl.jaas.config = [hidden]"), "Kafka's ProducerConfig dump was not logged,"
                    + " so this run could not have caught a leak in it: " + printed);
            assertNoSecret(printed);
        }
    }

    /** One projection on the secured broker (through its PLAINTEXT listener), framed by the registry itself. */
    private static void publishProjection(EmbeddedPlatform platform) throws Exception {
        LayerProjection projection = SyntheticProjections.generate("refused", List.of(Attribute.LANGUAGE), 1, 4, 1).get(0);
        try (Serde<LayerProjection> values = Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaProducer<String, LayerProjection> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), values.serializer())) {
            producer.send(new ProducerRecord<>(Topics.PROJECTIONS.name(), GroupKey.of(projection).asKey(), projection))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertNoSecret(String printed) {
        for (String secret : SECRETS) {
            assertFalse(printed.contains(secret), "a credential was printed: " + printed);
        }
    }

    private static Path settings(String name, String protocol, String mechanism, String password, String extra)
            throws Exception {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Files.writeString(dir.resolve(name), "security.protocol=" + protocol + "\nsasl.mechanism=" + mechanism
                + "\nsasl.jaas.config=" + module + " required username=\"" + USER + "\" password=\"" + password + "\";\n"
                + extra);
    }

    private static Path manifest() throws Exception {
        return Files.writeString(dir.resolve("absent.jsonl"),
                "{\"path\": \"absent.wav\", \"attribute\": \"language\", \"label\": \"English\"}\n");
    }

    private static String secured(SecurityProtocol protocol) {
        return broker.bootstrapServers(protocol);
    }

    private static Set<String> topicNames() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }

    private static Result audiolens(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), err.toString());
    }

    private record Result(int exit, String err) {}
}
