package io.audiolens.schemas.topics;

import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTO_REGISTER_ARTIFACT;
import static io.apicurio.registry.resolver.SchemaResolverConfig.FAULT_TOLERANT_REFRESH;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REGISTRY_URL;
import static io.apicurio.registry.serde.SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER;
import static io.apicurio.registry.serde.SerdeConfig.ENABLE_HEADERS;
import static io.apicurio.registry.serde.SerdeConfig.ID_HANDLER;
import static io.apicurio.registry.serde.SerdeConfig.USE_ID;
import static io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.audiolens.schemas.cluster.RegistryClientSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the schema registry is, how its client authenticates, and how values are framed: Confluent wire
 * format (magic byte 0, 4-byte schema id, Avro binary) with the registry's content id, schemas registered
 * on first use, values read back as the generated specific records; schemas once fetched outlive a registry
 * outage.
 *
 * @param registryUrl Apicurio Registry's v2 API, {@code http://host:port/apis/registry/v2}
 * @param client the user's registry client settings (auth, TLS, headers), {@link RegistryClientSettings#NONE} if none
 */
public record SerdeConfig(String registryUrl, RegistryClientSettings client) {

    static final String APICURIO_V2_API = "/apis/registry/v2";

    public SerdeConfig {
        if (registryUrl == null || !registryUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("schema registry URL must be http(s)://host:port, got " + registryUrl);
        }
        if (registryUrl.contains("/apis/ccompat")) {
            throw new IllegalArgumentException("schema registry URL " + registryUrl
                    + " is the Confluent-compatible API; the Apicurio serde needs http://host:port"
                    + APICURIO_V2_API);
        }
        if (client == null) {
            client = RegistryClientSettings.NONE;
        }
    }

    /** Accepts the registry's base URL ({@code http://host:port}) or its v2 API URL. */
    public static SerdeConfig forRegistry(String url) {
        return forRegistry(url, RegistryClientSettings.NONE);
    }

    /** {@link #forRegistry(String)}, its client configured by the user's settings. */
    public static SerdeConfig forRegistry(String url, RegistryClientSettings client) {
        String trimmed = url == null ? null : url.replaceAll("/+$", "");
        if (trimmed != null && !trimmed.endsWith(APICURIO_V2_API)) {
            trimmed = trimmed + APICURIO_V2_API;
        }
        return new SerdeConfig(trimmed, client);
    }

    /** The properties for Apicurio's Avro serializer and deserializer. */
    public Map<String, Object> serdeProperties() {
        Map<String, Object> properties = new HashMap<>(client.asMap());
        properties.putAll(Map.of(
                REGISTRY_URL, registryUrl,
                AUTO_REGISTER_ARTIFACT, true,
                // a schema the serde has seen stays usable when its 30 s refresh cannot reach the registry: an id
                // names the same schema for the registry's life, and without this every record would fail to decode
                FAULT_TOLERANT_REFRESH, true,
                ENABLE_CONFLUENT_ID_HANDLER, true,
                // the 4-byte handler that as-confluent installs anyway; naming it silences a warning per serde
                ID_HANDLER, Legacy4ByteIdHandler.class.getName(),
                USE_ID, IdOption.contentId.name(),
                ENABLE_HEADERS, false,
                USE_SPECIFIC_AVRO_READER, true,
                // one datum reader per writer schema, not one per record
                AvroKafkaSerdeConfig.AVRO_DATUM_PROVIDER, CachingDatumProvider.class.getName()));
        return properties;
    }
}
