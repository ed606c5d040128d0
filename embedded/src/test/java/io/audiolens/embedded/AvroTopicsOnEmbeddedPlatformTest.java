package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPlatformExtension.class)
class AvroTopicsOnEmbeddedPlatformTest {

    private static final byte CONFLUENT_MAGIC_BYTE = 0;

    private final EmbeddedPlatform platform;

    AvroTopicsOnEmbeddedPlatformTest(EmbeddedPlatform platform) {
        this.platform = platform;
    }

    @Test
    void shouldCreateEveryAudioLensTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();

            Topics.all().forEach(topic -> assertTrue(existing.contains(topic.name()), topic.name()));
        }
    }

    @Test
    void shouldReadBackSampleAndProjectionEqualToWhatWasSent() {
        AudioSample sample = TestRecords.sample("round-trip");
        LayerProjection projection = TestRecords.projection("round-trip");

        send(Topics.SAMPLES, "round-trip", sample);
        send(Topics.PROJECTIONS, "round-trip", projection);

        assertEquals(sample, readValue(Topics.SAMPLES, "round-trip"));
        assertEquals(projection, readValue(Topics.PROJECTIONS, "round-trip"));
    }

    @Test
    void shouldFrameValuesInConfluentWireFormatWithTheRegistrysSchemaId() throws Exception {
        send(Topics.SAMPLES, "wire-format", TestRecords.sample("wire-format"));

        byte[] value = readRawValue(Topics.SAMPLES, "wire-format");
        JsonNode latest = registryGet("/subjects/audiolens.samples-value/versions/latest");

        assertEquals(CONFLUENT_MAGIC_BYTE, value[0]);
        assertEquals(latest.get("id").asInt(), ByteBuffer.wrap(value, 1, 4).getInt());
        assertEquals(AudioSample.getClassSchema(), new Schema.Parser().parse(latest.get("schema").asText()));
        List<String> subjects = new ArrayList<>();
        registryGet("/subjects").forEach(subject -> subjects.add(subject.asText()));
        assertTrue(subjects.contains("audiolens.samples-value"), subjects.toString());
    }

    private <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
        try (Serde<V> values = topic.valueSerde(platform.serdeConfig());
                KafkaProducer<String, V> producer = new KafkaProducer<>(TestClients.producerConfig(platform),
                        topic.keySerde().serializer(), values.serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
            producer.flush();
        }
    }

    private <V extends SpecificRecord> V readValue(Topic<V> topic, String key) {
        try (Serde<V> values = topic.valueSerde(platform.serdeConfig())) {
            return last(TestClients.readUntil(TestClients.consumerConfig(platform, "read_committed"), topic.name(),
                    topic.keySerde().deserializer(), values.deserializer(), r -> key.equals(r.key()))).value();
        }
    }

    private byte[] readRawValue(Topic<?> topic, String key) {
        return last(TestClients.readUntil(TestClients.consumerConfig(platform, "read_committed"), topic.name(),
                new StringDeserializer(), new ByteArrayDeserializer(), r -> key.equals(r.key()))).value();
    }

    private static <V> ConsumerRecord<String, V> last(List<ConsumerRecord<String, V>> records) {
        return records.get(records.size() - 1);
    }

    private JsonNode registryGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.confluentCompatUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return new ObjectMapper().readTree(response.body());
    }
}
