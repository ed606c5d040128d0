package io.audiolens.aggregator;

import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.schemas.wire.RegistryPatience;
import java.time.Duration;

/**
 * What the topology is built from.
 *
 * @param publishInterval how often changed groups' snapshots (and open monitor windows) are published, and
 *     how often the monitor closes the windows stream time has passed (wall-clock punctuation): each
 *     changed key at most once per interval, whatever the input rate
 * @param monitor the label-free monitor: windows, baselines, drift alerts
 * @param registryPatience how long a schema registry that does not answer is asked again before the stream
 *     thread fails; by default 6 s, within Kafka Streams' 10 s exactly-once transaction timeout
 */
public record AggregatorSettings(AggregatorTopics topics, AggregationParameters parameters, Duration publishInterval,
        MonitorSettings monitor, RegistryPatience registryPatience) {

    static final RegistryPatience REGISTRY_PATIENCE = new RegistryPatience(4, Duration.ofSeconds(2));

    public AggregatorSettings {
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw new IllegalArgumentException("publish interval must be positive, got " + publishInterval);
        }
    }

    public static AggregatorSettings defaults() {
        return new AggregatorSettings(AggregatorTopics.defaults(), AggregationParameters.defaults(),
                Duration.ofSeconds(1), MonitorSettings.defaults(), REGISTRY_PATIENCE);
    }

    public AggregatorSettings withTopics(AggregatorTopics names) {
        return new AggregatorSettings(names, parameters, publishInterval, monitor, registryPatience);
    }

    public AggregatorSettings withParameters(AggregationParameters method) {
        return new AggregatorSettings(topics, method, publishInterval, monitor, registryPatience);
    }

    public AggregatorSettings withPublishInterval(Duration interval) {
        return new AggregatorSettings(topics, parameters, interval, monitor, registryPatience);
    }

    public AggregatorSettings withMonitor(MonitorSettings monitoring) {
        return new AggregatorSettings(topics, parameters, publishInterval, monitoring, registryPatience);
    }

    public AggregatorSettings withRegistryPatience(RegistryPatience patience) {
        return new AggregatorSettings(topics, parameters, publishInterval, monitor, patience);
    }
}
