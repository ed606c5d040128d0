package io.audiolens.schemas.cluster;

import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_CLIENT_ID;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_CLIENT_SCOPE;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_CLIENT_SECRET;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_PASSWORD;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_REALM;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_SERVICE_URL;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_TOKEN_ENDPOINT;
import static io.apicurio.registry.resolver.SchemaResolverConfig.AUTH_USERNAME;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_HEADERS_PREFIX;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_KEYSTORE_LOCATION;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_KEYSTORE_PASSWORD;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_KEYSTORE_TYPE;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_KEY_PASSWORD;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_TRUSTSTORE_LOCATION;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_TRUSTSTORE_PASSWORD;
import static io.apicurio.registry.resolver.SchemaResolverConfig.REQUEST_TRUSTSTORE_TYPE;
import static io.apicurio.registry.resolver.SchemaResolverConfig.RETRY_BACKOFF_MS;
import static io.apicurio.registry.resolver.SchemaResolverConfig.RETRY_COUNT;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the Apicurio serde's registry client authenticates and connects, from a user's file: Apicurio 2.6's
 * own keys for basic auth ({@code apicurio.auth.username} / {@code .password}), OAuth2 client credentials
 * ({@code apicurio.auth.service.token.endpoint} or {@code .service.url} with {@code .realm}, then
 * {@code .client.id}, {@code .client.secret}, {@code .client.scope}), TLS to the registry
 * ({@code apicurio.registry.request.ssl.*}), extra HTTP headers ({@code apicurio.registry.request.headers.NAME})
 * and retries. Anything else, the URL and the wire format above all, is AudioLens's and refused by key.
 */
public final class RegistryClientSettings extends ClientSettings {

    public static final RegistryClientSettings NONE = new RegistryClientSettings(Map.of(), "");

    private static final Set<String> ACCEPTED = Set.of(AUTH_USERNAME, AUTH_PASSWORD, AUTH_TOKEN_ENDPOINT,
            AUTH_SERVICE_URL, AUTH_REALM, AUTH_CLIENT_ID, AUTH_CLIENT_SECRET, AUTH_CLIENT_SCOPE,
            REQUEST_TRUSTSTORE_LOCATION, REQUEST_TRUSTSTORE_TYPE, REQUEST_TRUSTSTORE_PASSWORD,
            REQUEST_KEYSTORE_LOCATION, REQUEST_KEYSTORE_TYPE, REQUEST_KEYSTORE_PASSWORD, REQUEST_KEY_PASSWORD,
            RETRY_COUNT, RETRY_BACKOFF_MS);

    private RegistryClientSettings(Map<String, String> settings, String source) {
        super(settings, source);
    }

    /** Checks every key; {@code source} is what messages name, e.g. {@code --registry-config FILE}. */
    public static RegistryClientSettings of(Map<String, String> settings, String source) {
        for (String key : new TreeMap<>(settings).keySet()) {
            if (!ACCEPTED.contains(key) && !key.startsWith(REQUEST_HEADERS_PREFIX)) {
                throw new IllegalArgumentException(source + " sets " + key + ", which is not a registry client setting"
                        + " AudioLens passes on (it sets the URL and the wire format itself); the file takes"
                        + " apicurio.auth.* (username/password, or OAuth2 client credentials),"
                        + " apicurio.registry.request.ssl.*, " + REQUEST_HEADERS_PREFIX + "NAME, " + RETRY_COUNT
                        + " and " + RETRY_BACKOFF_MS);
            }
        }
        return new RegistryClientSettings(settings, source);
    }

    /** Reads and checks a properties file given as {@code option}, and logs what it holds. */
    public static RegistryClientSettings read(Path file, String option) {
        RegistryClientSettings settings = of(SettingsFile.read(file, option), option + " " + file.toAbsolutePath());
        settings.log("schema registry client settings");
        return settings;
    }

    /** For the serde's configuration. */
    public Map<String, String> asMap() {
        return settings();
    }
}
