package io.audiolens.schemas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldListEveryTopicOfTheDesignOnce() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertEquals(List.of(
                "audiolens.samples", "audiolens.projections",
                "audiolens.enrichment.requests", "audiolens.enrichment.outcomes",
                "audiolens.metrics.scores", "audiolens.metrics.correlations", "audiolens.metrics.enrichment",
                "audiolens.monitor.windows", "audiolens.monitor.alerts", "audiolens.monitor.baselines",
                "audiolens.dead-letters"), names);
    }

    @Test
    void shouldCompactMetricsAndKeepEventLogsForever() {
        assertEquals(Map.of("cleanup.policy", "compact"), Topics.SCORE_METRICS.spec().configs());
        assertEquals(Map.of("cleanup.policy", "delete", "retention.ms", "-1"), Topics.SAMPLES.spec().configs());
        assertEquals(Map.of("cleanup.policy", "compact"), Topics.MONITOR_WINDOWS.spec().configs());
        assertEquals(Map.of("cleanup.policy", "delete", "retention.ms", "-1"), Topics.MONITOR_ALERTS.spec().configs());
    }

    @Test
    void shouldRejectTopicWithoutPartitions() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> TopicSpec.keptForever("t", 0));

        assertEquals("topic t needs at least 1 partition, got 0", error.getMessage());
    }
}
