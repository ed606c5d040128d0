package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.synthetic.SyntheticProjections;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPlatformExtension.class)
class ScaleOutTest {

    @TempDir
    Path folder;

    @Test
    void shouldServeTheSameMetricsFromTwoInstancesAsOneCleanRun(EmbeddedPlatform platform) {
        AggregatorSettings settings = BrokerRuns.settings("scale-out.", 10);
        BrokerRuns.createTopics(platform, settings, 4);
        List<LayerProjection> projections = SyntheticProjections.generate("m-scale",
                List.of(Attribute.GENDER, Attribute.ANIMAL), 60, 8, 7);
        String expected = BrokerRuns.expectedMetrics(projections, settings.parameters());

        try (AggregatorService first = start(platform, settings, "first");
                AggregatorService second = start(platform, settings, "second")) {
            BrokerRuns.send(platform, settings.topics().projections(), projections);

            assertEquals(expected, BrokerRuns.awaitMetrics(first.httpPort(), expected));
            assertEquals(expected, BrokerRuns.awaitMetrics(second.httpPort(), expected));
            int firstGroups = BrokerRuns.localGroups(first.httpPort());
            int secondGroups = BrokerRuns.localGroups(second.httpPort());
            assertTrue(firstGroups > 0 && secondGroups > 0, "both instances count groups: " + firstGroups + " and "
                    + secondGroups);
            assertEquals(2 * 3 * 3, firstGroups + secondGroups);
        }
    }

    private AggregatorService start(EmbeddedPlatform platform, AggregatorSettings settings, String name) {
        return AggregatorService.start(new AggregatorService.Options("scale-out", platform.kafkaCluster(),
                platform.serdeConfig(), folder.resolve(name), "127.0.0.1", 0, settings,
                Map.of("session.timeout.ms", 6000, "heartbeat.interval.ms", 1000)));
    }
}
