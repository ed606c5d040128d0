package io.audiolens.app.run;

import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes the fixture clip as many labelled animal samples. */
final class TestSamples {
    static final Path FIXTURE = Path.of("target/test-classes/qwen2audio-tiny-a").toAbsolutePath();
    private static final List<String> LABELS = List.of("dog", "cat", "pig", "cow", "frog", "hen", "rooster", "sheep", "crow");

    private TestSamples() {}

    static List<String> publish(String bootstrapServers, SerdeConfig serdes, String prefix, int count) throws Exception {
        short[] pcm = WavDecoder.decode(FIXTURE.resolve("audio.wav")).pcm16();
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, AudioSample> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), Topics.SAMPLES.valueSerde(serdes).serializer())) {
            for (int i = 0; i < count; i++) {
                String id = prefix + "/" + i;
                producer.send(new ProducerRecord<>(Topics.SAMPLES.name(), id, sample(id, LABELS.get(i % LABELS.size()), pcm, i)));
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    /** The clip with sample {@code i}'s first sample nudged, so clips differ. */
    private static AudioSample sample(String id, String label, short[] pcm, int i) {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < pcm.length; k++) {
            bytes.putShort(k == 0 ? (short) (pcm[k] + i) : pcm[k]);
        }
        return AudioSample.newBuilder().setSampleId(id).setDataset("test").setAttribute("animal").setLabel(label)
                .setSplit(i % 3 == 0 ? Split.PROBE : Split.TEST).setSampleRate(16000).setPcm16(bytes.flip())
                .setDurationSeconds(pcm.length / 16000.0).setSource("fixture").build();
    }
}
