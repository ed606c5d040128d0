package io.audiolens.producers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.producers.split.IdHash;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPlatformExtension.class)
class SakuraFolderOnPlatformTest {

    private static final double SECONDS = 0.25;

    @TempDir
    Path root;

    @Test
    void shouldPublishEveryClipWithItsLabelAnExactProbeSetAndTheSamePcm(EmbeddedPlatform platform) throws Exception {
        String dataset = "sakura-" + UUID.randomUUID();
        Path data = root.resolve("data");
        Map<String, byte[]> gender = SakuraFixture.writeTrack(data, "Gender", SakuraFixture.labels(
                "m1.wav", "male", "f1.wav", "female", "m2.wav", "male", "f2.wav", "female", "m3.wav", "male"), SECONDS);
        Map<String, byte[]> emotion = SakuraFixture.writeTrack(data, "Emotion", SakuraFixture.labels(
                "a.wav", "angry", "d.wav", "disgust", "f.wav", "fear", "h.wav", "happy"), SECONDS);

        ProduceSummary summary;
        try (SampleProducer producer = SampleProducer.connect(platform.kafkaCluster(), platform.serdeConfig())) {
            summary = producer.produce(SakuraFolder.list(data, dataset), new ProbeQuota(2), Progress.NONE);
        }

        assertEquals(9, summary.sent(), summary.describe());
        assertEquals(List.of(), summary.rejected());
        List<ConsumerRecord<String, AudioSample>> records = TopicContents.read(platform, Topics.SAMPLES, dataset + "/");
        assertEquals(9, records.size());
        records.forEach(record -> assertEquals(record.key(), record.value().getSampleId()));
        assertTrack(dataset, "gender", gender, Map.of("m1.wav", "male", "f1.wav", "female", "m2.wav", "male",
                "f2.wav", "female", "m3.wav", "male"), records);
        assertTrack(dataset, "emotion", emotion, Map.of("a.wav", "angry", "d.wav", "disgust", "f.wav", "fear",
                "h.wav", "happy"), records);
        assertEquals(List.of(), TopicContents.read(platform, Topics.DEAD_LETTERS, dataset + "/"));
    }

    private static void assertTrack(String dataset, String attribute, Map<String, byte[]> pcmByFile,
            Map<String, String> labelByFile, List<ConsumerRecord<String, AudioSample>> records) {
        List<AudioSample> samples = records.stream().map(ConsumerRecord::value)
                .filter(sample -> sample.getAttribute().equals(attribute)).toList();
        assertEquals(pcmByFile.size(), samples.size());
        for (AudioSample sample : samples) {
            String file = sample.getSampleId().substring((dataset + "/" + attribute + "/").length());
            assertEquals(dataset, sample.getDataset());
            assertEquals(labelByFile.get(file), sample.getLabel(), file);
            assertEquals(16_000, sample.getSampleRate());
            assertEquals(SECONDS, sample.getDurationSeconds(), 1e-9);
            assertArrayEquals(pcmByFile.get(file), bytes(sample.getPcm16()), file);
        }
        Set<String> twoSmallestHashes = samples.stream().map(AudioSample::getSampleId).sorted(IdHash.ORDER).limit(2)
                .collect(Collectors.toSet());
        Set<String> probes = samples.stream().filter(sample -> sample.getSplit() == Split.PROBE)
                .map(AudioSample::getSampleId).collect(Collectors.toSet());
        assertEquals(twoSmallestHashes, probes, attribute);
        assertEquals(samples.size() - 2, samples.stream().filter(sample -> sample.getSplit() == Split.TEST).count());
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
