package io.audiolens.producers;

import static io.audiolens.producers.SakuraFolderOnPlatformTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.source.Manifest;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One manifest with every kind of bad input: each clip is either published or dead-lettered, none lost. */
@ExtendWith(EmbeddedPlatformExtension.class)
class BadInputOnPlatformTest {

    private static final String MANIFEST = """
            path,attribute,label
            good.wav,gender,male
            truncated.wav,gender,female
            empty.wav,gender,male
            noise.wav,gender,female
            stereo44k.wav,emotion,happy
            long.wav,animal,dog
            mystery.wav,colour,red
            unicorn.wav,animal,unicorn
            missing.wav,language,English
            """;

    @TempDir
    Path folder;

    private final String dataset = "bad-" + UUID.randomUUID();
    private byte[] truncatedPcm;
    private byte[] noise;

    @BeforeEach
    void writeClips() throws Exception {
        TestAudio.writeMonoClip(folder.resolve("good.wav"), 0.5, 440);
        byte[] oneSecond = TestAudio.writeMonoClip(folder.resolve("truncated.wav"), 1.0, 440);
        byte[] wav = Files.readAllBytes(folder.resolve("truncated.wav"));
        int header = wav.length - oneSecond.length;
        Files.write(folder.resolve("truncated.wav"), Arrays.copyOf(wav, header + oneSecond.length / 2));
        truncatedPcm = Arrays.copyOf(oneSecond, oneSecond.length / 2);
        Files.write(folder.resolve("empty.wav"), new byte[0]);
        noise = "these bytes are a note, not audio\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("noise.wav"), noise);
        TestAudio.writeWav(folder.resolve("stereo44k.wav"), TestAudio.sinePcm16(1.0, 440, 44_100, 2), 44_100, 2);
        TestAudio.writeMonoClip(folder.resolve("long.wav"), 45, 440);
        TestAudio.writeMonoClip(folder.resolve("mystery.wav"), 0.5, 440);
        TestAudio.writeMonoClip(folder.resolve("unicorn.wav"), 0.5, 440);
        Files.writeString(folder.resolve("clips.csv"), MANIFEST);
    }

    @Test
    void shouldPublishWhatCanBeUsedAndDeadLetterEverythingElseWithItsReason(EmbeddedPlatform platform) {
        ProduceSummary summary;
        try (SampleProducer producer = SampleProducer.connect(platform.kafkaCluster(), platform.serdeConfig())) {
            summary = producer.produce(Manifest.read(folder.resolve("clips.csv"), dataset), new ProbeQuota(100),
                    Progress.NONE);
        }

        assertEquals(4, summary.sent(), summary.describe());
        assertEquals(5, summary.rejected().size(), summary.describe());
        assertEquals(1, summary.cut());
        assertEquals(1, summary.converted());
        assertEquals(0, summary.failed().size());
        Map<String, AudioSample> samples = byName(TopicContents.read(platform, Topics.SAMPLES, dataset + "/"));
        Map<String, DeadLetter> deadLetters = byName(TopicContents.read(platform, Topics.DEAD_LETTERS, dataset + "/"));
        assertEquals(4, samples.size(), samples.keySet().toString());
        assertEquals(5, deadLetters.size(), deadLetters.keySet().toString());

        assertEquals(0.5, samples.get("gender/good.wav").getDurationSeconds(), 1e-9);
        assertArrayEquals(truncatedPcm, bytes(samples.get("gender/truncated.wav").getPcm16()),
                "a truncated file keeps the frames it has");
        assertEquals(16_000 * 2, samples.get("emotion/stereo44k.wav").getPcm16().remaining(),
                "1 s of stereo 44.1 kHz becomes 1 s of 16 kHz mono");
        assertEquals(30.0, samples.get("animal/long.wav").getDurationSeconds(), 1e-9);
        assertEquals(30 * 16_000 * 2, samples.get("animal/long.wav").getPcm16().remaining());

        assertDeadLetter(deadLetters.get("gender/empty.wav"), "the file is empty", new byte[0]);
        assertDeadLetter(deadLetters.get("gender/noise.wav"), "not a WAV file", noise);
        assertDeadLetter(deadLetters.get("colour/mystery.wav"), "unknown attribute 'colour'",
                read(folder.resolve("mystery.wav")));
        assertDeadLetter(deadLetters.get("animal/unicorn.wav"), "label 'unicorn' is not one of animal's labels",
                read(folder.resolve("unicorn.wav")));
        assertDeadLetter(deadLetters.get("language/missing.wav"), "file not found", null);
    }

    private void assertDeadLetter(DeadLetter letter, String reason, byte[] original) {
        assertEquals("produce", letter.getStage());
        assertEquals(Topics.SAMPLES.name(), letter.getOriginalTopic());
        assertTrue(letter.getReason().contains(reason), letter.getReason());
        assertTrue(letter.getReason().startsWith(folder.toString()), "names the file: " + letter.getReason());
        if (original == null) {
            assertNull(letter.getOriginalValue());
        } else {
            assertArrayEquals(original, bytes(letter.getOriginalValue()));
        }
    }

    /** Values by the id's part after the dataset, e.g. {@code gender/good.wav}; fails on a repeated key. */
    private <V> Map<String, V> byName(java.util.List<ConsumerRecord<String, V>> records) {
        return records.stream().collect(Collectors.toMap(
                record -> record.key().substring(dataset.length() + 1), ConsumerRecord::value, (a, b) -> {
                    throw new AssertionError("published twice: " + a);
                }));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
