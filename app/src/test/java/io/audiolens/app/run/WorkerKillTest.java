package io.audiolens.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a worker process mid-run, restart it: every sample × prompt × view is committed exactly once. */
class WorkerKillTest {
    private static final int SAMPLES = 60;
    private static final int PER_SAMPLE = 3 * 3;

    @TempDir
    Path dir;

    @Test
    void shouldCommitEveryProjectionExactlyOnceAcrossAKilledWorker() throws Exception {
        Path logs = Files.createDirectories(Path.of("target/worker-kill-test"));
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir.resolve("platform"))) {
            platform.createTopics(Topics.specs());
            List<String> ids = TestSamples.publish(platform.bootstrapServers(), platform.serdeConfig(), "kill", SAMPLES);
            String[] worker = {"worker", "--bootstrap-servers", platform.bootstrapServers(), "--registry-url",
                    platform.registryUrl(), "--model", TestSamples.FIXTURE.toString(), "--worker-id", "w1", "--device", "cpu"};
            try (KafkaConsumer<String, LayerProjection> committed = committedProjections(platform)) {
                Map<String, Integer> counts = new HashMap<>();
                Process first = ChildProcess.audiolens(logs.resolve("worker-1.log"), worker);
                Polling.awaitUntil(() -> alive(first, logs) && read(committed, counts) >= PER_SAMPLE, Duration.ofSeconds(120),
                        Duration.ofMillis(1), "the first committed projections");
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, open transaction left behind
                int beforeRestart = total(counts);
                assertTrue(beforeRestart < SAMPLES * PER_SAMPLE, "the worker finished before it was killed");
                Process second = ChildProcess.audiolens(logs.resolve("worker-2.log"), worker);
                try {
                    Polling.awaitUntil(() -> alive(second, logs) && read(committed, counts) >= SAMPLES * PER_SAMPLE, Duration.ofSeconds(240),
                            Duration.ofMillis(100), "all " + SAMPLES * PER_SAMPLE + " projections; worker log: "
                                    + logs.resolve("worker-2.log"));
                    read(committed, counts); // anything extra (a duplicate) would arrive now
                } finally {
                    second.destroy();
                    second.waitFor(30, TimeUnit.SECONDS);
                }
                read(committed, counts);
                assertEquals(SAMPLES * PER_SAMPLE, counts.size(), "distinct sample × prompt × view");
                assertTrue(counts.values().stream().allMatch(n -> n == 1), "duplicates: " + duplicates(counts));
                assertTrue(ids.stream().allMatch(id -> counts.keySet().stream().filter(k -> k.startsWith(id + "|")).count() == PER_SAMPLE));
                assertTrue(Files.readString(logs.resolve("worker-1.log")).contains("consuming"), "first worker never started");
            }
        }
    }

    private static boolean alive(Process worker, Path logs) {
        if (!worker.isAlive()) {
            throw new AssertionError("the worker process exited with " + worker.exitValue() + "; see " + logs.toAbsolutePath());
        }
        return true;
    }

    private static int read(KafkaConsumer<String, LayerProjection> consumer, Map<String, Integer> counts) {
        for (ConsumerRecord<String, LayerProjection> r : consumer.poll(Duration.ofMillis(200))) {
            LayerProjection p = r.value();
            counts.merge(p.getSampleId() + "|" + p.getPrompt() + "|" + p.getView(), 1, Integer::sum);
        }
        return total(counts);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String duplicates(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList().toString();
    }

    private static KafkaConsumer<String, LayerProjection> committedProjections(EmbeddedPlatform platform) {
        KafkaConsumer<String, LayerProjection> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kill-check-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).deserializer());
        c.subscribe(List.of(Topics.PROJECTIONS.name()));
        return c;
    }
}
