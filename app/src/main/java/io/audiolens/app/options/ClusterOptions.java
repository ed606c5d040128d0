package io.audiolens.app.options;

import io.audiolens.schemas.topics.SerdeConfig;
import picocli.CommandLine.Option;

/** Where the cluster is: Kafka bootstrap servers and the schema registry. */
public final class ClusterOptions {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, host:port[,...]")
    String bootstrapServers;

    @Option(names = "--registry-url", required = true,
            description = "schema registry base URL (Apicurio, e.g. http://127.0.0.1:8080)")
    String registryUrl;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public SerdeConfig serdes() {
        return SerdeConfig.forRegistry(registryUrl);
    }
}
