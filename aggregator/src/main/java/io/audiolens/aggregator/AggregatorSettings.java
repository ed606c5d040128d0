package io.audiolens.aggregator;

import java.time.Duration;

/**
 * What the topology is built from.
 *
 * @param publishInterval how often changed groups' snapshots are published (wall-clock punctuation): each
 *     changed key at most once per interval, whatever the input rate
 */
public record AggregatorSettings(AggregatorTopics topics, AggregationParameters parameters, Duration publishInterval) {

    public AggregatorSettings {
        if (publishInterval.isNegative() || publishInterval.isZero()) {
            throw new IllegalArgumentException("publish interval must be positive, got " + publishInterval);
        }
    }

    public static AggregatorSettings defaults() {
        return new AggregatorSettings(AggregatorTopics.defaults(), AggregationParameters.defaults(),
                Duration.ofSeconds(1));
    }

    public AggregatorSettings withTopics(AggregatorTopics names) {
        return new AggregatorSettings(names, parameters, publishInterval);
    }

    public AggregatorSettings withParameters(AggregationParameters method) {
        return new AggregatorSettings(topics, method, publishInterval);
    }

    public AggregatorSettings withPublishInterval(Duration interval) {
        return new AggregatorSettings(topics, parameters, interval);
    }
}
