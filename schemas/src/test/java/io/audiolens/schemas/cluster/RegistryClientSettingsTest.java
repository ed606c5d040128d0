package io.audiolens.schemas.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientSettingsTest {

    @Test
    void shouldTakeApicuriosAuthTlsHeaderAndRetryKeys() {
        Map<String, String> settings = Map.of("apicurio.auth.username", "lens", "apicurio.auth.password", "pw",
                "apicurio.auth.service.token.endpoint", "https://sso/token", "apicurio.auth.client.id", "audiolens",
                "apicurio.auth.client.secret", "s", "apicurio.registry.request.ssl.truststore.location", "/etc/ca.p12",
                "apicurio.registry.request.headers.X-Tenant", "t1", "apicurio.registry.retry-count", "1");

        assertEquals(settings, RegistryClientSettings.of(settings, "--registry-config r.properties").asMap());
    }

    @Test
    void shouldRefuseTheUrlAndTheWireFormatWhichAreOurs() {
        for (String key : new String[] {"apicurio.registry.url", "apicurio.registry.as-confluent",
                "apicurio.registry.use-id", "apicurio.registry.auto-register", "basic.auth.user.info"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> RegistryClientSettings.of(Map.of(key, "x"), "--registry-config r.properties"));

            assertTrue(error.getMessage().startsWith("--registry-config r.properties sets " + key + ", which is not a"
                    + " registry client setting AudioLens passes on"), error.getMessage());
        }
    }
}
