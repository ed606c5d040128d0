package io.audiolens.schemas.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"lens\" password=\"pw-7f3a\";";
    private static final KafkaClientSettings SASL = KafkaClientSettings.of(Map.of(
            "security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS,
            "linger.ms", "50", "max.poll.records", "10", "ssl.truststore.location", "/etc/ca.pem"), "--kafka-config k.properties");

    @Test
    void shouldGiveEveryClientTheSecuritySettingsAndTheBootstrapServers() {
        KafkaCluster cluster = new KafkaCluster("b1:9093,b2:9093", SASL);

        for (Map<String, Object> config : new Map[] {cluster.producer(Map.of()), cluster.consumer(Map.of()),
                cluster.admin(Map.of())}) {
            assertEquals("SASL_SSL", config.get("security.protocol"));
            assertEquals(JAAS, config.get("sasl.jaas.config"));
            assertEquals("/etc/ca.pem", config.get("ssl.truststore.location"));
            assertEquals("b1:9093,b2:9093", config.get("bootstrap.servers"));
        }
    }

    @Test
    void shouldLetTheFileOverrideOurDefaultsButKeepWhatWeOwn() {
        Map<String, Object> producer = new KafkaCluster("b:1", SASL).producer(Map.of("linger.ms", 5,
                "enable.idempotence", true, "acks", "all"));

        assertEquals("50", producer.get("linger.ms"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals("all", producer.get("acks"));
    }

    @Test
    void shouldHandEachClientOnlyTheKeysItsConfigurationDeclares() {
        KafkaCluster cluster = new KafkaCluster("b:1", SASL);

        assertFalse(cluster.producer(Map.of()).containsKey("max.poll.records"));
        assertEquals("10", cluster.consumer(Map.of()).get("max.poll.records"));
        assertFalse(cluster.consumer(Map.of()).containsKey("linger.ms"));
        assertFalse(cluster.admin(Map.of()).containsKey("linger.ms"));
    }

    @Test
    void shouldGiveKafkaStreamsEverySettingOverItsOwnProperties() {
        Properties ours = new Properties();
        ours.put("processing.guarantee", "exactly_once_v2");
        ours.put("application.id", "agg");

        Properties streams = new KafkaCluster("b:1", SASL).streams(ours);

        assertEquals("exactly_once_v2", streams.get("processing.guarantee"));
        assertEquals("agg", streams.get("application.id"));
        assertEquals(JAAS, streams.get("sasl.jaas.config"));
        assertEquals("10", streams.get("max.poll.records"));
        assertEquals("b:1", streams.get("bootstrap.servers"));
    }

    @Test
    void shouldRefuseEachKeyWeOwnNamingItAndTheSource() {
        for (String key : new String[] {"enable.idempotence", "isolation.level", "value.serializer", "key.deserializer",
                "acks", "transactional.id", "group.id", "bootstrap.servers", "processing.guarantee"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> KafkaClientSettings.of(Map.of(key, "x", "security.protocol", "SASL_SSL"), "--kafka-config k.properties"));

            assertTrue(error.getMessage().startsWith("--kafka-config k.properties sets " + key + ", which AudioLens owns: "),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith("; remove that line"), error.getMessage());
        }
    }

    @Test
    void shouldRefuseAKeyNoJavaClientKnowsSuchAsLibrdkafkasSpelling() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSettings.of(Map.of("sasl.password", "pw-7f3a"), "--kafka-config k.properties"));

        assertTrue(error.getMessage().startsWith("--kafka-config k.properties sets sasl.password, which is no setting of"
                + " Kafka's Java producer, consumer or admin client"), error.getMessage());
        assertFalse(error.getMessage().contains("pw-7f3a"), error.getMessage());
    }

    @Test
    void shouldRedactSecretsWhenPrinted() {
        KafkaCluster cluster = new KafkaCluster("b:1", SASL);

        String printed = cluster.toString();

        assertTrue(printed.contains("sasl.jaas.config=[redacted]"), printed);
        assertTrue(printed.contains("security.protocol=SASL_SSL"), printed);
        assertTrue(printed.startsWith("b:1 with --kafka-config k.properties ("), printed);
        assertFalse(printed.contains("pw-7f3a"), printed);
    }

    @Test
    void shouldSayWhichSettingsToCheckWhenNoBrokerAnswers() {
        KafkaCluster nobody = KafkaCluster.at("127.0.0.1:1"); // nothing listens on port 1

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> nobody.checkConnection(Duration.ofSeconds(1)));

        assertEquals("no answer from the Kafka cluster at 127.0.0.1:1 within 1 s; check --bootstrap-servers and that"
                + " security.protocol in --kafka-config matches the listener", error.getMessage());
    }

    @Test
    void shouldNeedBootstrapServers() {
        assertThrows(IllegalArgumentException.class, () -> KafkaCluster.at(" "));
    }
}
