package io.audiolens.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.split.ProbeFraction;
import io.audiolens.producers.watch.FolderWatch;
import io.audiolens.producers.watch.SentFiles;
import io.audiolens.producers.watch.WatchedFolder;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPlatformExtension.class)
class WatchedFolderOnPlatformTest {

    @TempDir
    Path dir;

    private final String dataset = "live-" + UUID.randomUUID();

    @Test
    void shouldPublishEachNewFileOnceAsUnlabelledEvenAfterARestart(EmbeddedPlatform platform) throws Exception {
        Path state = dir.resolve(SentFiles.DEFAULT_NAME);
        arrive("a.wav");
        try (SampleProducer producer = SampleProducer.connect(platform.kafkaCluster(), platform.serdeConfig())) {
            FolderWatch watch = watch(producer, Optional.empty(), state);
            CompletableFuture<ProduceSummary> running =
                    CompletableFuture.supplyAsync(() -> watch.run(Duration.ofMillis(50)));
            TopicContents.awaitCount(platform, Topics.SAMPLES, dataset + "/", 1);
            arrive("b.wav");
            TopicContents.awaitCount(platform, Topics.SAMPLES, dataset + "/", 2);
            watch.stop();
            assertEquals(2, running.get(30, TimeUnit.SECONDS).sent());

            FolderWatch restarted = watch(producer, Optional.empty(), state);
            assertEquals(0, restarted.pollOnce().sent() + restarted.pollOnce().sent());
        }

        List<ConsumerRecord<String, AudioSample>> records = TopicContents.read(platform, Topics.SAMPLES, dataset + "/");
        assertEquals(List.of(dataset + "/gender/a.wav", dataset + "/gender/b.wav"),
                records.stream().map(ConsumerRecord::key).sorted().toList());
        records.forEach(record -> {
            assertEquals(Split.UNLABELLED, record.value().getSplit());
            assertNull(record.value().getLabel());
        });
    }

    @Test
    void shouldSplitLabelledFilesByTheirIdHash(EmbeddedPlatform platform) throws Exception {
        for (int i = 0; i < 6; i++) {
            arrive("clip" + i + ".wav");
        }
        try (SampleProducer producer = SampleProducer.connect(platform.kafkaCluster(), platform.serdeConfig())) {
            FolderWatch watch = watch(producer, Optional.of("female"), dir.resolve("elsewhere.tsv"));
            assertEquals(0, watch.pollOnce().sent());
            assertEquals(6, watch.pollOnce().sent());
        }

        List<ConsumerRecord<String, AudioSample>> records = TopicContents.read(platform, Topics.SAMPLES, dataset + "/");
        assertEquals(6, records.size());
        records.forEach(record -> {
            assertEquals("female", record.value().getLabel());
            assertEquals(new ProbeFraction(0.5).assign(record.key(), "gender"), record.value().getSplit());
        });
        assertFalse(Files.exists(dir.resolve(SentFiles.DEFAULT_NAME)), "the state goes where it was asked to");
    }

    private FolderWatch watch(SampleProducer producer, Optional<String> label, Path state) {
        WatchedFolder folder = new WatchedFolder(dir, dataset, "gender", label, SentFiles.load(state));
        return new FolderWatch(producer, folder, new ProbeFraction(0.5), Progress.NONE);
    }

    /** Writes a clip beside the folder and moves it in, as a well-behaved recorder does. */
    private void arrive(String name) throws Exception {
        Path written = TestAudio.writeWav(dir.resolveSibling(dir.getFileName() + "-" + name),
                TestAudio.sinePcm16(0.2, 330, 16_000, 1), 16_000, 1);
        Files.move(written, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
