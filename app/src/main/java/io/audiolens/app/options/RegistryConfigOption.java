package io.audiolens.app.options;

import io.audiolens.schemas.cluster.RegistryClientSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry-config FILE}: how the schema registry's client authenticates (Apicurio 2.6 serde keys). */
public final class RegistryConfigOption {
    @Option(names = "--registry-config", paramLabel = "FILE", description = "Java properties for the schema registry"
            + " client: apicurio.auth.username/password (basic auth), apicurio.auth.service.token.endpoint with"
            + " apicurio.auth.client.id/secret (OAuth2), apicurio.registry.request.ssl.*, apicurio.registry.request"
            + ".headers.NAME")
    Path file;

    private RegistryClientSettings settings;

    /** The file's settings, read and checked once; {@link RegistryClientSettings#NONE} without the option. */
    public RegistryClientSettings settings() {
        if (settings == null) {
            settings = file == null ? RegistryClientSettings.NONE : RegistryClientSettings.read(file, "--registry-config");
        }
        return settings;
    }

    public boolean isGiven() {
        return file != null;
    }
}
