package io.audiolens.app.options;

import io.audiolens.schemas.cluster.KafkaClientSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kafka-config FILE}: the cluster's client settings (security, tuning) for every Kafka client. */
public final class KafkaConfigOption {
    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Java properties for every Kafka producer,"
            + " consumer, admin and Streams client: security.protocol, sasl.*, ssl.*, timeouts, tuning (they win over"
            + " AudioLens's defaults); keys AudioLens owns (idempotence, acks, isolation.level, serializers, ids) are"
            + " refused")
    Path file;

    private KafkaClientSettings settings;

    /** The file's settings, read and checked once; {@link KafkaClientSettings#NONE} without the option. */
    public KafkaClientSettings settings() {
        if (settings == null) {
            settings = file == null ? KafkaClientSettings.NONE : KafkaClientSettings.read(file, "--kafka-config");
        }
        return settings;
    }

    public boolean isGiven() {
        return file != null;
    }
}
