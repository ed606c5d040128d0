package io.audiolens.aggregator;

import io.audiolens.aggregator.monitor.MonitorSettings;
import java.time.Duration;

/**
 * What the topology is built from.
 *
 * @param publishInterval how often changed groups' snapshots (and open monitor windows) are published, and
 *     how often the monitor closes the windows stream time has passed (wall-clock punctuation): each
 *     changed key at most once per interval, whatever the input rate
 * @param monitor the label-free monitor: windows, baselines, drift alerts
 */
public record AggregatorSettings(AggregatorTopics topics, AggregationParameters parameters, Duration publishInterval,
        MonitorSettings monitor) {

    public AggregatorSettings {
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw new IllegalArgumentException("publish interval must be positive, got " + publishInterval);
        }
    }

    public static AggregatorSettings defaults() {
        return new AggregatorSettings(AggregatorTopics.defaults(), AggregationParameters.defaults(),
                Duration.ofSeconds(1), MonitorSettings.defaults());
    }

    public AggregatorSettings withTopics(AggregatorTopics names) {
        return new AggregatorSettings(names, parameters, publishInterval, monitor);
    }

    public AggregatorSettings withParameters(AggregationParameters method) {
        return new AggregatorSettings(topics, method, publishInterval, monitor);
    }

    public AggregatorSettings withPublishInterval(Duration interval) {
        return new AggregatorSettings(topics, parameters, interval, monitor);
    }

    public AggregatorSettings withMonitor(MonitorSettings monitoring) {
        return new AggregatorSettings(topics, parameters, publishInterval, monitoring);
    }
}
