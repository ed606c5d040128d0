package io.audiolens.aggregator;

import io.audiolens.schemas.topics.TopicSpec;
import io.audiolens.schemas.topics.Topics;
import java.util.List;

/**
 * The topic names the aggregator reads and writes; the values are always {@link Topics}' types. Tests and
 * side-by-side deployments use {@link #prefixed} copies.
 */
public record AggregatorTopics(String projections, String outcomes, String requests, String scores,
        String correlations, String enrichment, String windows, String alerts, String baselines, String deadLetters) {

    public static AggregatorTopics defaults() {
        return new AggregatorTopics(Topics.PROJECTIONS.name(), Topics.ENRICHMENT_OUTCOMES.name(),
                Topics.ENRICHMENT_REQUESTS.name(), Topics.SCORE_METRICS.name(), Topics.CORRELATION_METRICS.name(),
                Topics.ENRICHMENT_METRICS.name(), Topics.MONITOR_WINDOWS.name(), Topics.MONITOR_ALERTS.name(),
                Topics.MONITOR_BASELINES.name(), Topics.DEAD_LETTERS.name());
    }

    /** Every default name with {@code prefix} in front, e.g. {@code test-42.audiolens.projections}. */
    public static AggregatorTopics prefixed(String prefix) {
        AggregatorTopics names = defaults();
        return new AggregatorTopics(prefix + names.projections, prefix + names.outcomes, prefix + names.requests,
                prefix + names.scores, prefix + names.correlations, prefix + names.enrichment,
                prefix + names.windows, prefix + names.alerts, prefix + names.baselines, prefix + names.deadLetters);
    }

    /** Specs for creating these topics: {@link Topics}' layout, with {@code projectionPartitions} for projections. */
    public List<TopicSpec> specs(int projectionPartitions) {
        return List.of(
                TopicSpec.keptForever(projections, projectionPartitions),
                renamed(Topics.ENRICHMENT_OUTCOMES.spec(), outcomes),
                renamed(Topics.ENRICHMENT_REQUESTS.spec(), requests),
                renamed(Topics.SCORE_METRICS.spec(), scores),
                renamed(Topics.CORRELATION_METRICS.spec(), correlations),
                renamed(Topics.ENRICHMENT_METRICS.spec(), enrichment),
                renamed(Topics.MONITOR_WINDOWS.spec(), windows),
                renamed(Topics.MONITOR_ALERTS.spec(), alerts),
                renamed(Topics.MONITOR_BASELINES.spec(), baselines),
                renamed(Topics.DEAD_LETTERS.spec(), deadLetters));
    }

    private static TopicSpec renamed(TopicSpec spec, String name) {
        return new TopicSpec(name, spec.partitions(), spec.compacted(), spec.retention());
    }
}
