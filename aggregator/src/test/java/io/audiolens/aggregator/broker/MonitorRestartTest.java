package io.audiolens.aggregator.broker;

import static io.audiolens.schemas.PromptFormat.P1;
import static io.audiolens.schemas.PromptFormat.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregatorDriver;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.Group;
import io.audiolens.aggregator.topology.WindowsChangelog;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.MonitorWindow;
import io.audiolens.schemas.View;
import io.audiolens.schemas.WindowStatus;
import io.audiolens.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor survives a kill: an aggregator JVM killed (no shutdown at all) after it has raised alerts and
 * restarted on its state dir ends with the same closed windows and the same alerts, none doubled, as the
 * same records through the topology test driver (the second method).
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class MonitorRestartTest {

    private static final String PREFIX = "monitor-crash.";
    /**
     * Event time 0, aligned to the 10 s windows, in the past (brokers refuse timestamps more than an hour
     * ahead). The driver run publishes nothing on the wall clock, whose snapshots would move its stream time.
     */
    private static final long BASE = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final List<Group> GROUPS = List.of(
            Group.of("m-restart", "animal", P1, View.LAST, "a", "b", "c"),
            Group.of("m-restart", "animal", P2, View.LAST, "a", "b", "c"));

    @TempDir
    Path folder;

    /** The first instance's last /monitor.json (its group-level late counts), for a failure's message. */
    private final AtomicReference<String> firstMonitor = new AtomicReference<>("");

    @Test
    void shouldEndWithTheSameWindowsAndAlertsAfterAKillMidStreamNoneDoubled(EmbeddedPlatform platform) throws Exception {
        AggregatorSettings settings = BrokerRuns.settings(PREFIX, 10);
        BrokerRuns.createTopics(platform, settings, 2);
        List<BrokerRuns.Timed> stream = stream();
        Expected expected = expected(settings, stream);
        assertEquals(4, expected.alerts().size(), "per group one RAISED and one RECOVERED of the answer mix");

        int firstPart = stream.size() * 2 / 3;
        BrokerRuns.sendAt(platform, settings.topics().projections(), stream.subList(0, firstPart));
        ChildAggregators children = new ChildAggregators(platform, folder, PREFIX, 10);
        Path stateDir = folder.resolve("state");
        Process first = children.start(stateDir, "first");
        try {
            int port = children.awaitPort(first, "first");
            Polling.awaitUntil(() -> raisedSoFar(port, firstMonitor) >= 1, BrokerRuns.TIMEOUT, Duration.ofMillis(10),
                    "the first aggregator to raise an alert");
        } finally {
            first.destroyForcibly().waitFor();
        }
        BrokerRuns.sendAt(platform, settings.topics().projections(), stream.subList(firstPart, stream.size()));
        Process second = children.start(stateDir, "second");
        try {
            int port = children.awaitPort(second, "second");
            CommittedTopics.awaitCommittedToEnd(platform, AggregatorChild.applicationId(PREFIX), settings.topics().projections());
            Polling.awaitUntil(() -> closedWindows(platform, settings).size() == expected.windows().size(),
                    BrokerRuns.TIMEOUT, Duration.ofMillis(200), "every window to close; port " + port);
        } finally {
            second.destroyForcibly().waitFor();
        }

        Map<String, MonitorWindow> actual = closedWindows(platform, settings);
        assertEquals(expected.windows(), actual, () -> differences(expected.windows(), actual)
                + deadLetters(platform, settings) + "\nthe first aggregator's last monitor.json: " + firstMonitor.get()
                + warnings("first") + warnings("second"));
        assertEquals(expected.alerts(), alerts(platform, settings), "the same alerts, each once");
        // the embedded broker deletes by time every second: windows of 2020 must still be in their changelog
        String changelog = WindowsChangelog.topic(AggregatorChild.applicationId(PREFIX));
        assertEquals(Map.of(0, 0L, 1, 0L), earliestOffsets(platform, changelog),
                "the broker deleted records of the windows' changelog by their (2020) timestamps");
        // 60 windows of 10 s, 5 s grace, plus a week
        // and, created by Kafka Streams for a window store, compacted per window and deleted past the retention
        assertEquals(Map.of("cleanup.policy", "compact,delete", "message.timestamp.type", "LogAppendTime",
                "retention.ms", Long.toString(605_000L + 604_800_000L)), BrokerRuns.topicConfigs(platform, changelog,
                "cleanup.policy", "message.timestamp.type", "retention.ms"));
    }

    /** The first offset still held, per partition of {@code topic}. */
    private static Map<Integer, Long> earliestOffsets(EmbeddedPlatform platform, String topic) throws Exception {
        try (Admin admin = platform.kafkaCluster().createAdmin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            }
            Map<Integer, Long> earliest = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> earliest.put(partition.partition(),
                    info.offset()));
            return earliest;
        }
    }

    /** Per group 14 windows of 8 samples: answers mostly a, then 4 windows mostly c, then a again; a closer. */
    private static List<BrokerRuns.Timed> stream() {
        List<BrokerRuns.Timed> stream = new ArrayList<>();
        for (int window = 0; window < 14; window++) {
            boolean shifted = window >= 5 && window < 9;
            for (int n = 0; n < 8; n++) {
                String answer = n < 6 ? (shifted ? "c" : "a") : "b";
                for (Group group : GROUPS) {
                    stream.add(new BrokerRuns.Timed(group.unlabelled("w" + window + "-" + n, answer, answer.repeat(4)),
                            BASE + window * 10_000L + n * 1_000L));
                }
            }
        }
        for (Group group : GROUPS) {
            stream.add(new BrokerRuns.Timed(group.unlabelled("closer", "a", "aaaa"), BASE + 1_000_000L));
        }
        return stream;
    }

    private record Expected(Map<String, MonitorWindow> windows, List<String> alerts) {}

    private Expected expected(AggregatorSettings settings, List<BrokerRuns.Timed> stream) {
        try (AggregatorDriver driver = new AggregatorDriver(settings, folder.resolve("driver"))) {
            stream.forEach(t -> driver.project(t.projection(), Instant.ofEpochMilli(t.eventTime())));
            Map<String, MonitorWindow> windows = new TreeMap<>();
            driver.windows().forEach(kv -> {
                if (kv.value.getStatus() != WindowStatus.OPEN) {
                    windows.put(kv.key, kv.value);
                }
            });
            return new Expected(windows, driver.alerts().stream().map(kv -> describe(kv.key, kv.value)).sorted().toList());
        }
    }

    /** The WARN and ERROR lines of child {@code name}'s log (task revivals, producer errors), for a failure's message. */
    private String warnings(String name) {
        try (var lines = Files.lines(folder.resolve(name + ".log"))) {
            return "\n" + name + " aggregator's warnings:\n" + String.join("\n", lines
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).limit(60).toList());
        } catch (IOException | UncheckedIOException e) {
            return "\n" + name + " aggregator's log cannot be read: " + e;
        }
    }

    /** The windows that differ, each as expected and as read, so that a failure shows what moved. */
    private static String differences(Map<String, MonitorWindow> expected, Map<String, MonitorWindow> actual) {
        StringBuilder text = new StringBuilder("windows that differ:");
        Map<String, MonitorWindow> keys = new TreeMap<>(expected);
        keys.putAll(actual);
        for (String key : keys.keySet()) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                text.append("\n").append(key).append("\n  expected ").append(expected.get(key))
                        .append("\n  read     ").append(actual.get(key));
            }
        }
        return text.toString();
    }

    /** The dead letters of this test's topics (there should be none), for a failure's message. */
    private static String deadLetters(EmbeddedPlatform platform, AggregatorSettings settings) {
        Deserializer<DeadLetter> values = Topics.DEAD_LETTERS.valueSerde(platform.serdeConfig()).deserializer();
        return "\ndead letters:" + CommittedTopics.read(platform, settings.topics().deadLetters()).stream()
                .map(record -> values.deserialize(record.topic(), record.value()))
                .map(letter -> "\n  " + letter.getOriginalTopic() + "-" + letter.getOriginalPartition() + "@"
                        + letter.getOriginalOffset() + " " + letter.getReason())
                .collect(Collectors.joining());
    }

    private static Map<String, MonitorWindow> closedWindows(EmbeddedPlatform platform, AggregatorSettings settings) {
        Deserializer<MonitorWindow> values = Topics.MONITOR_WINDOWS.valueSerde(platform.serdeConfig()).deserializer();
        Map<String, MonitorWindow> windows = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : CommittedTopics.read(platform, settings.topics().windows())) {
            MonitorWindow window = values.deserialize(record.topic(), record.value());
            if (window.getStatus() != WindowStatus.OPEN) {
                windows.put(record.key(), window);
            }
        }
        return windows;
    }

    private static List<String> alerts(EmbeddedPlatform platform, AggregatorSettings settings) {
        Deserializer<MonitorAlert> values = Topics.MONITOR_ALERTS.valueSerde(platform.serdeConfig()).deserializer();
        return CommittedTopics.read(platform, settings.topics().alerts()).stream()
                .map(record -> describe(record.key(), values.deserialize(record.topic(), record.value())))
                .sorted().toList();
    }

    private static String describe(String key, MonitorAlert alert) {
        return key + " " + alert.getKind() + " " + alert.getSignal() + " " + alert.getRunStart() + "–"
                + alert.getWindowEnd() + " " + alert.getValue();
    }

    /** RAISED alerts the instance's state holds so far (it may run ahead of the committed ones). */
    private static int raisedSoFar(int port, AtomicReference<String> body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/monitor.json")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            body.set(response.body());
            int raised = 0;
            for (JsonNode group : new ObjectMapper().readTree(response.body()).get("groups")) {
                for (JsonNode alert : group.get("alerts")) {
                    raised += "raised".equals(alert.get("kind").asText()) ? 1 : 0;
                }
            }
            return raised;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
