package io.audiolens.app.options;

import io.audiolens.schemas.cluster.KafkaCluster;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how its clients connect: {@code --bootstrap-servers}, {@code --kafka-config}. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, host:port[,...]")
    String bootstrapServers;

    @Mixin
    KafkaConfigOption config;

    public KafkaCluster cluster() {
        return new KafkaCluster(bootstrapServers, config.settings());
    }
}
