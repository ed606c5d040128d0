package io.audiolens.schemas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.cluster.RegistryClientSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerdeConfigTest {

    @Test
    void shouldAppendApicurioApiToBaseUrl() {
        assertEquals("http://127.0.0.1:8080/apis/registry/v2",
                SerdeConfig.forRegistry("http://127.0.0.1:8080/").registryUrl());
    }

    @Test
    void shouldKeepApicurioApiUrl() {
        assertEquals("http://r:1/apis/registry/v2", SerdeConfig.forRegistry("http://r:1/apis/registry/v2").registryUrl());
    }

    @Test
    void shouldRejectConfluentCompatibleUrlWithTheFix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SerdeConfig("http://r:1/apis/ccompat/v7", RegistryClientSettings.NONE));

        assertEquals("schema registry URL http://r:1/apis/ccompat/v7 is the Confluent-compatible API;"
                + " the Apicurio serde needs http://host:port/apis/registry/v2", error.getMessage());
    }

    @Test
    void shouldFrameValuesInConfluentWireFormatWithContentIds() {
        var properties = SerdeConfig.forRegistry("http://r:1").serdeProperties();

        assertEquals(true, properties.get("apicurio.registry.as-confluent"));
        assertEquals("contentId", properties.get("apicurio.registry.use-id"));
        assertEquals(false, properties.get("apicurio.registry.headers.enabled"));
    }

    @Test
    void shouldPassTheUsersRegistryClientSettingsToTheSerdeBesideItsOwn() {
        RegistryClientSettings client = RegistryClientSettings.of(Map.of("apicurio.auth.username", "lens",
                "apicurio.auth.password", "pw-1", "apicurio.registry.request.headers.X-Tenant", "t1"), "test");

        var properties = SerdeConfig.forRegistry("http://r:1", client).serdeProperties();

        assertEquals("lens", properties.get("apicurio.auth.username"));
        assertEquals("pw-1", properties.get("apicurio.auth.password"));
        assertEquals("t1", properties.get("apicurio.registry.request.headers.X-Tenant"));
        assertEquals("http://r:1/apis/registry/v2", properties.get("apicurio.registry.url"));
    }

    @Test
    void shouldNotPrintTheRegistryPasswordInItsDescription() {
        RegistryClientSettings client = RegistryClientSettings.of(Map.of("apicurio.auth.username", "lens",
                "apicurio.auth.password", "pw-1"), "test");

        String printed = SerdeConfig.forRegistry("http://r:1", client).toString();

        assertTrue(printed.contains("apicurio.auth.password=[redacted]"), printed);
        assertTrue(printed.contains("apicurio.auth.username=lens"), printed);
        assertFalse(printed.contains("pw-1"), printed);
    }
}
