package io.audiolens.producers;

import static io.audiolens.producers.SakuraFolderOnPlatformTest.bytes;
import static javax.sound.sampled.AudioFormat.Encoding.PCM_FLOAT;
import static javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED;
import static javax.sound.sampled.AudioFormat.Encoding.PCM_UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.publish.SampleSink;
import io.audiolens.producers.source.Manifest;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
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

    /**
     * Every PCM layout is decoded to the values full scale implies; silence is audio; what no decoder should
     * guess (NaN samples, a sample rate of 0 or 2 MHz), a second listing of one file and an entry whose path
     * is too long for any record are dead letters, and the run still ends with everything acknowledged.
     */
    @Test
    void shouldDecodeEveryPcmLayoutExactlyAndDeadLetterWhatItMustNotGuess(EmbeddedPlatform platform) throws Exception {
        write("u8.wav", new byte[] {0, (byte) 128, (byte) 255}, new AudioFormat(PCM_UNSIGNED, 16_000, 8, 1, 1, 16_000, false));
        write("s24.wav", new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 0, 0, (byte) 0x80, 0, 1, 0},
                new AudioFormat(PCM_SIGNED, 16_000, 24, 1, 3, 16_000, false));
        write("f32.wav", floats(0.5f, -1f, 0.25f), new AudioFormat(PCM_FLOAT, 16_000, 32, 1, 4, 16_000, false));
        write("silent.wav", new byte[32_000], new AudioFormat(16_000, 16, 1, true, false));
        write("nan.wav", floats(0.5f, Float.NaN, Float.POSITIVE_INFINITY), new AudioFormat(PCM_FLOAT, 16_000, 32, 1, 4,
                16_000, false));
        write("rate0.wav", new byte[3_200], new AudioFormat(PCM_SIGNED, 0, 16, 1, 2, 0, false));
        write("rate2mhz.wav", new byte[3_200], new AudioFormat(PCM_SIGNED, 2_000_000, 16, 1, 2, 2_000_000, false));
        TestAudio.writeMonoClip(folder.resolve("twice.wav"), 0.25, 440);
        String tooLong = "x".repeat(600_000) + ".wav";
        Files.writeString(folder.resolve("formats.csv"), """
                path,attribute,label
                u8.wav,gender,male
                s24.wav,gender,female
                f32.wav,gender,male
                silent.wav,gender,female
                nan.wav,gender,male
                rate0.wav,gender,female
                rate2mhz.wav,gender,male
                twice.wav,gender,female
                twice.wav,gender,male
                """ + tooLong + ",gender,male\n");

        ProduceSummary summary;
        try (SampleProducer producer = SampleProducer.connect(KafkaCluster.at(platform.bootstrapServers()), platform.serdeConfig())) {
            summary = producer.produce(Manifest.read(folder.resolve("formats.csv"), dataset), new ProbeQuota(100),
                    Progress.NONE);
        }

        assertEquals(5, summary.sent(), summary.describe());
        assertEquals(5, summary.rejected().size());
        assertEquals(List.of(), summary.failed(), "every record, dead letters included, acknowledged");
        Map<String, AudioSample> samples = byName(TopicContents.read(platform, Topics.SAMPLES, dataset + "/"));
        assertArrayEquals(new short[] {-32_768, 0, 32_512}, shorts(samples.get("gender/u8.wav")));
        assertArrayEquals(new short[] {32_767, -32_768, 1}, shorts(samples.get("gender/s24.wav")));
        assertArrayEquals(new short[] {16_384, -32_768, 8_192}, shorts(samples.get("gender/f32.wav")));
        assertArrayEquals(new short[16_000], shorts(samples.get("gender/silent.wav")), "silence is sent as it is");
        assertEquals(1.0, samples.get("gender/silent.wav").getDurationSeconds());
        assertEquals(0.25, samples.get("gender/twice.wav").getDurationSeconds(), "the first listing is sent");

        List<DeadLetter> letters = TopicContents.read(platform, Topics.DEAD_LETTERS, dataset + "/").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(5, letters.size(), letters.toString());
        assertRejected(letters, "nan.wav", "2 frames hold NaN or infinite samples, the first is frame 1 (0.000 s)");
        assertRejected(letters, "rate0.wav", "sample rate 0.0 Hz is not a positive whole number; the header is corrupt");
        assertRejected(letters, "rate2mhz.wav", "sample rate 2000000 Hz is outside 1000–384000 Hz");
        assertRejected(letters, "twice.wav", "is listed twice (first for " + folder.resolve("twice.wav") + ")");
        DeadLetter longest = letters.stream().filter(l -> l.getOriginalKey().length() > 1_000).findFirst().orElseThrow();
        assertTrue(longest.getOriginalKey().startsWith(dataset + "/gender/xxx"), longest.getOriginalKey().substring(0, 80));
        assertTrue(longest.getOriginalKey().endsWith("more characters cut)"), "the key is cut to fit a record");
        assertTrue(longest.getReason().contains("more characters cut)"), "so is the reason, which names the file");
    }

    /** 30 s of audio fit a record with room to spare for names, but not with a 50,000-character dataset name. */
    @Test
    void shouldDeadLetterASampleTooBigForARecordInsteadOfLettingTheBrokerRefuseIt(EmbeddedPlatform platform)
            throws Exception {
        TestAudio.writeMonoClip(folder.resolve("thirty.wav"), 30, 440);
        Files.writeString(folder.resolve("thirty.csv"), "path,attribute,label\nthirty.wav,gender,male\n");
        String longName = dataset + "-" + "d".repeat(50_000);

        ProduceSummary summary;
        try (SampleProducer producer = SampleProducer.connect(KafkaCluster.at(platform.bootstrapServers()), platform.serdeConfig())) {
            summary = producer.produce(Manifest.read(folder.resolve("thirty.csv"), longName), new ProbeQuota(100),
                    Progress.NONE);
        }

        assertEquals(0, summary.sent(), summary.describe());
        assertEquals(List.of(), summary.failed(), "nothing the broker refused");
        assertEquals(1, summary.rejected().size());
        String reason = summary.rejected().get(0).reason();
        assertTrue(reason.endsWith(" bytes, over the 1000000-byte record limit (30 s of audio take 960000); shorten the"
                + " dataset name or the file's path"), reason);
        long bytes = Long.parseLong(reason.replaceAll("its sample record would be (\\d+) bytes.*", "$1"));
        long pcmAndThreeNames = 960_000 + 3L * longName.length();
        assertTrue(bytes > pcmAndThreeNames && bytes < pcmAndThreeNames + 1_000, "PCM, and the name in the key,"
                + " the id and the dataset field, with a few short fields: " + bytes);
        List<DeadLetter> letters = TopicContents.read(platform, Topics.DEAD_LETTERS, dataset + "-").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(1, letters.size());
        assertEquals(longName + "/gender/thirty.wav", letters.get(0).getOriginalKey());
    }

    @Test
    void shouldStopNamingTheRegistryWhenItDoesNotAnswerAndSendNothing(EmbeddedPlatform platform) throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SerdeConfig nowhere = SerdeConfig.forRegistry("http://127.0.0.1:" + closed);
        RegistryUnavailableException e;
        try (SampleProducer producer = new SampleProducer(SampleSink.connect(KafkaCluster.at(platform.bootstrapServers()), nowhere,
                new RegistryPatience(2, Duration.ofMillis(50))))) {
            e = assertThrows(RegistryUnavailableException.class, () -> producer.produce(
                    Manifest.read(folder.resolve("clips.csv"), dataset), new ProbeQuota(100), Progress.NONE));
        }

        assertTrue(e.getMessage().startsWith("the schema registry at " + nowhere.registryUrl() + " did not answer for"
                + " 50 ms (2 attempts: ConnectException) while writing to audiolens."), e.getMessage());
        assertEquals(List.of(), TopicContents.read(platform, Topics.SAMPLES, dataset + "/"));
        assertEquals(List.of(), TopicContents.read(platform, Topics.DEAD_LETTERS, dataset + "/"));
    }

    private void write(String name, byte[] frames, AudioFormat format) throws Exception {
        TestAudio.writeWav(folder.resolve(name), frames, format);
    }

    private static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    private static short[] shorts(AudioSample sample) {
        ShortBuffer pcm = sample.getPcm16().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        short[] values = new short[pcm.remaining()];
        pcm.get(values);
        return values;
    }

    private void assertRejected(List<DeadLetter> letters, String file, String reason) {
        List<DeadLetter> mine = letters.stream().filter(l -> l.getOriginalKey().equals(dataset + "/gender/" + file)).toList();
        assertEquals(1, mine.size(), file + ": " + mine);
        assertTrue(mine.get(0).getReason().contains(reason), mine.get(0).getReason());
        assertEquals("produce", mine.get(0).getStage());
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
    private <V> Map<String, V> byName(List<ConsumerRecord<String, V>> records) {
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
