package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.topology.WindowsChangelog;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator deployed before the windows' changelog got its settings finds that changelog as Kafka Streams
 * created it then (event-time stamps, one day of grace) and brings it up to them when it starts: Kafka Streams
 * itself never changes an existing topic.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class WindowsChangelogUpgradeTest {

    private static final String PREFIX = "changelog-upgrade.";
    private static final String APPLICATION = "changelog-upgrade";

    @TempDir
    Path folder;

    @Test
    void shouldStampAnOlderChangelogWithAppendTimeAndAWeekOfGraceWhenItStarts(EmbeddedPlatform platform)
            throws Exception {
        AggregatorSettings settings = BrokerRuns.settings(PREFIX, 10);
        BrokerRuns.createTopics(platform, settings, 2);
        String changelog = WindowsChangelog.topic(APPLICATION);
        try (Admin admin = platform.kafkaCluster().createAdmin()) {
            admin.createTopics(List.of(new NewTopic(changelog, 2, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact,delete", "message.timestamp.type", "CreateTime",
                    "retention.ms", Long.toString(605_000L + 86_400_000L))))).all().get();
        }

        try (AggregatorService service = AggregatorService.start(new AggregatorService.Options(APPLICATION,
                platform.kafkaCluster(), platform.serdeConfig(), folder.resolve("state"), "127.0.0.1", -1, settings,
                Map.of()))) {
            Polling.awaitUntil(() -> service.state() == KafkaStreams.State.RUNNING, BrokerRuns.TIMEOUT,
                    Duration.ofMillis(50), "the aggregator to run");
            // 60 windows of 10 s, 5 s grace, plus a week; compaction as before
            assertEquals(Map.of("cleanup.policy", "compact,delete", "message.timestamp.type", "LogAppendTime",
                    "retention.ms", Long.toString(605_000L + 604_800_000L)),
                    BrokerRuns.topicConfigs(platform, changelog, "cleanup.policy", "message.timestamp.type", "retention.ms"));
        }
    }
}
