package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.synthetic.SyntheticProjections;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An aggregator JVM killed mid-stream (no shutdown at all) and restarted on its state dir ends like a clean run. */
@ExtendWith(EmbeddedPlatformExtension.class)
class CrashRecoveryTest {

    private static final int PROBE_SIZE = 10;

    @TempDir
    Path folder;

    @Test
    void shouldEndWithTheMetricsOfACleanRunAfterBeingKilledMidStream(EmbeddedPlatform platform) throws Exception {
        AggregatorSettings settings = BrokerRuns.settings("crash.", PROBE_SIZE);
        BrokerRuns.createTopics(platform, settings, 2);
        List<LayerProjection> projections = SyntheticProjections.generate("m-crash",
                List.of(Attribute.GENDER, Attribute.EMOTION, Attribute.ANIMAL), 120, 8, 11);
        String expected = BrokerRuns.expectedMetrics(projections, settings.parameters());
        int twoThirds = projections.size() * 2 / 3;
        BrokerRuns.send(platform, settings.topics().projections(), projections.subList(0, twoThirds));
        Path stateDir = folder.resolve("state");

        long total = countedSoFar(expected);
        long[] countedAtKill = {0};
        ChildAggregators children = new ChildAggregators(platform, folder, "crash.", PROBE_SIZE);
        Process first = children.start(stateDir, "first");
        try {
            int port = children.awaitPort(first, "first");
            Polling.awaitUntil(() -> (countedAtKill[0] = countedSoFar(BrokerRuns.metrics(port))) > total / 3,
                    BrokerRuns.TIMEOUT, Duration.ofMillis(10), "the first aggregator to count a third of the projections");
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertTrue(countedAtKill[0] < total, "killed after " + countedAtKill[0] + " of " + total + " counted");
        BrokerRuns.send(platform, settings.topics().projections(), projections.subList(twoThirds, projections.size()));
        String atKill = "restarted after a kill at " + countedAtKill[0] + " of " + total + " counted";
        System.out.println(atKill);

        Process second = children.start(stateDir, "second");
        try {
            int port = children.awaitPort(second, "second");
            assertEquals(expected, BrokerRuns.awaitMetrics(port, expected), atKill);
            // the endpoint reads local state, which runs ahead of the open transaction: count the requests
            // only once the input offsets are committed, i.e. once everything they caused is committed too
            CommittedTopics.awaitCommittedToEnd(platform, AggregatorChild.applicationId("crash."),
                    settings.topics().projections());
            // every projection the killed aggregator counted, again: the restarted one's seen ids were restored
            // from their changelog (and its Bloom filter filled from them), so each is a duplicate, counted as such
            List<LayerProjection> again = new ArrayList<>(projections);
            again.addAll(projections.subList(0, twoThirds));
            String expectedAgain = BrokerRuns.expectedMetrics(again, settings.parameters());
            BrokerRuns.send(platform, settings.topics().projections(), projections.subList(0, twoThirds));
            assertEquals(expectedAgain, BrokerRuns.awaitMetrics(port, expectedAgain), atKill + ", all sent again");
            CommittedTopics.awaitCommittedToEnd(platform, AggregatorChild.applicationId("crash."),
                    settings.topics().projections());
        } finally {
            second.destroyForcibly().waitFor();
        }
        JsonNode metrics = new ObjectMapper().readTree(expected);
        List<String> requested = new ArrayList<>();
        for (JsonNode entry : metrics.get("enrichment")) {
            if (entry.get("notRequestedBecause").isNull()) {
                requested.add(String.join("|", entry.get("model").asText(), entry.get("attribute").asText(),
                        entry.get("prompt").asText()));
            }
        }
        assertTrue(!requested.isEmpty(), "the data must make some requests");
        assertEquals(requested.stream().sorted().toList(),
                CommittedTopics.read(platform, settings.topics().requests()).stream().map(ConsumerRecord::key).sorted()
                        .toList(),
                "one enrichment request per view LAST group, however often the aggregator died; " + atKill);
    }

    /** Labelled and unlabelled samples and duplicates counted so far; 0 while nothing is served. */
    private static long countedSoFar(String metricsJson) {
        if (metricsJson == null) {
            return 0;
        }
        try {
            long counted = 0;
            for (JsonNode group : new ObjectMapper().readTree(metricsJson).get("groups")) {
                counted += group.get("samples").asLong() + group.get("unlabelled").get("samples").asLong();
            }
            return counted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
