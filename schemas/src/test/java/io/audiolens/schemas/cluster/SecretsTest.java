package io.audiolens.schemas.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void shouldTakeKafkaPasswordsAndSecretSoundingKeysForSecrets() {
        for (String key : new String[] {"sasl.jaas.config", "ssl.key.password", "ssl.truststore.password",
                "ssl.keystore.key", "sasl.oauthbearer.client.credentials.client.secret", "apicurio.auth.password",
                "apicurio.auth.client.secret", "apicurio.registry.request.headers.Authorization", "my.token.file",
                "vault.Credentials"}) {
            assertTrue(Secrets.isSecret(key), key);
        }
        for (String key : new String[] {"security.protocol", "sasl.mechanism", "ssl.truststore.location",
                "ssl.truststore.type", "apicurio.auth.username", "linger.ms"}) {
            assertFalse(Secrets.isSecret(key), key);
        }
    }

    @Test
    void shouldDescribeSettingsSortedWithSecretsRedacted() {
        assertEquals("apicurio.auth.password=[redacted], apicurio.auth.username=lens, security.protocol=SASL_SSL",
                Secrets.describe(Map.of("security.protocol", "SASL_SSL", "apicurio.auth.username", "lens",
                        "apicurio.auth.password", "pw")));
    }
}
