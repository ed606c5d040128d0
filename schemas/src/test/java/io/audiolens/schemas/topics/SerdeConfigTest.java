package io.audiolens.schemas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                () -> new SerdeConfig("http://r:1/apis/ccompat/v7"));

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
}
