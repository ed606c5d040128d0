package io.audiolens.app.options;

import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the cluster is and how to reach it: Kafka and its client settings, the schema registry and its client's. */
public final class ClusterOptions {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--registry-url", required = true,
            description = "schema registry base URL (Apicurio, e.g. http://127.0.0.1:8080)")
    String registryUrl;

    @Mixin
    RegistryConfigOption registryConfig;

    public KafkaCluster kafka() {
        return kafka.cluster();
    }

    public SerdeConfig serdes() {
        return SerdeConfig.forRegistry(registryUrl, registryConfig.settings());
    }
}
