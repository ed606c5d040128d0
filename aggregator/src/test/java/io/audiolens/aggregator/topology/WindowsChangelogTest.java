package io.audiolens.aggregator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.aggregator.monitor.MonitorSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an existing windows changelog must change: the stamp always, the retention only upwards. */
class WindowsChangelogTest {

    /** 10 s windows, 5 s grace, 60 kept: 605 s of retention, plus a week. */
    private static final MonitorSettings MONITOR = MonitorSettings.defaults()
            .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final String WEEK_AND_RETENTION = Long.toString(605_000L + 7 * 86_400_000L);

    @Test
    void shouldAskForTheSettingsKafkaStreamsDidNotGiveAnOlderChangelog() {
        // as Kafka Streams created it before: event-time stamps, the store's retention plus one day
        assertEquals(Map.of("message.timestamp.type", "LogAppendTime", "retention.ms", WEEK_AND_RETENTION),
                WindowsChangelog.changes(Map.of("cleanup.policy", "compact,delete", "message.timestamp.type",
                        "CreateTime", "retention.ms", Long.toString(605_000L + 86_400_000L)), MONITOR));
        assertEquals(WindowsChangelog.settings(MONITOR), WindowsChangelog.changes(Map.of("cleanup.policy", "compact",
                "message.timestamp.type", "CreateTime", "retention.ms", "1000"), MONITOR), "what a new changelog gets");
        // compacted only (as Kafka Streams makes it for a store it does not know for a window store): never deleted
        assertEquals(Map.of("cleanup.policy", "compact,delete"), WindowsChangelog.changes(Map.of("cleanup.policy",
                "compact", "message.timestamp.type", "LogAppendTime", "retention.ms", WEEK_AND_RETENTION), MONITOR));
    }

    @Test
    void shouldKeepWhatIsAlreadyRightAndALongerRetention() {
        assertEquals(Map.of(), WindowsChangelog.changes(Map.of("cleanup.policy", "compact,delete",
                "message.timestamp.type", "LogAppendTime", "retention.ms", WEEK_AND_RETENTION), MONITOR));
        assertEquals(Map.of(), WindowsChangelog.changes(Map.of("cleanup.policy", "delete, compact",
                "message.timestamp.type", "LogAppendTime", "retention.ms", Long.toString(30 * 86_400_000L)), MONITOR),
                "an operator's 30 days stay, and the policy in any order");
        assertEquals(Map.of(), WindowsChangelog.changes(Map.of("cleanup.policy", "compact,delete",
                "message.timestamp.type", "LogAppendTime", "retention.ms", "-1"), MONITOR), "kept forever stays");
        assertEquals(Map.of("message.timestamp.type", "LogAppendTime"), WindowsChangelog.changes(Map.of(
                "cleanup.policy", "compact,delete", "message.timestamp.type", "CreateTime", "retention.ms", "-1"),
                MONITOR));
    }
}
