package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.audiolens.schemas.topics.TopicSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker's SASL_PLAINTEXT and SASL_SSL listeners, with PLAIN and SCRAM-SHA-512 users. */
class SecuredBrokerTest {

    private static final String USER = "lens";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static TlsIdentity tls;

    @BeforeAll
    static void startBroker() {
        tls = TlsIdentity.selfSigned(dir.resolve("tls"));
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), BrokerSecurity.sasl(Map.of(USER, PASSWORD)).withTls(tls));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(TopicSpec.keptForever("secured", 1).toNewTopic((short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldCarryARecordThroughEachSecuredListenerAndMechanism() {
        assertRoundTrip(sasl(SecurityProtocol.SASL_PLAINTEXT, "PLAIN", PASSWORD), "plain");
        assertRoundTrip(sasl(SecurityProtocol.SASL_PLAINTEXT, "SCRAM-SHA-512", PASSWORD), "scram");
        Map<String, Object> overTls = sasl(SecurityProtocol.SASL_SSL, "PLAIN", PASSWORD);
        overTls.putAll(trustingTheBroker());
        assertRoundTrip(overTls, "plain-over-tls");
    }

    @Test
    void shouldRefuseAWrongPasswordWithAnAuthenticationError() {
        for (String mechanism : List.of("PLAIN", "SCRAM-SHA-512")) {
            Map<String, Object> config = sasl(SecurityProtocol.SASL_PLAINTEXT, mechanism, "not-" + PASSWORD);
            try (KafkaProducer<String, String> producer = producer(config)) {
                assertThrows(SaslAuthenticationException.class, () -> producer.partitionsFor("secured"), mechanism);
            }
            try (Admin admin = Admin.create(config)) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS), mechanism);
                assertInstanceOf(SaslAuthenticationException.class, e.getCause(), mechanism);
            }
        }
    }

    @Test
    void shouldRefuseATlsClientThatDoesNotTrustTheBrokersCertificate() {
        try (KafkaProducer<String, String> producer = producer(sasl(SecurityProtocol.SASL_SSL, "PLAIN", PASSWORD))) {
            assertThrows(SslAuthenticationException.class, () -> producer.partitionsFor("secured"));
        }
    }

    private static void assertRoundTrip(Map<String, Object> config, String value) {
        try (KafkaProducer<String, String> producer = producer(config)) {
            producer.send(new ProducerRecord<>("secured", value, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sending over " + config.get("security.protocol") + " failed", e);
        }
        Map<String, Object> consumer = new HashMap<>(config);
        consumer.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "secured-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, String>> read = TestClients.readUntil(consumer, "secured", new StringDeserializer(),
                new StringDeserializer(), r -> r.value().equals(value));
        assertEquals(value, read.get(read.size() - 1).key());
    }

    private static Map<String, Object> sasl(SecurityProtocol protocol, String mechanism, String password) {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return new HashMap<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(protocol),
                "security.protocol", protocol.name,
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + USER + "\" password=\"" + password + "\";"));
    }

    private static Map<String, Object> trustingTheBroker() {
        return Map.of("ssl.truststore.type", "PEM", "ssl.truststore.location", tls.certificatePem().toString());
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(all, new StringSerializer(), new StringSerializer());
    }
}
