package io.audiolens.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run's collector reads past records it cannot decode on a shared cluster: they are the stages' dead letters. */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProjectionCollectorTest {

    @Test
    void shouldSkipWhatItCannotDecodeAndCollectTheRest(EmbeddedPlatform platform) throws Exception {
        String id = "collect-" + UUID.randomUUID() + "/a.wav";
        LayerProjection projection = LayerProjection.newBuilder().setSampleId(id).setModel("m").setAttribute("gender")
                .setPrompt(PromptFormat.P1).setView(View.LAST).setSplit(Split.TEST).setLabel("male")
                .setLabels(List.of("male", "female")).setLayerProbs(List.of(List.of(0.6, 0.3)))
                .setModelPrediction("male").setLayers(1).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            String topic = Topics.PROJECTIONS.name();
            producer.send(new ProducerRecord<>(topic, 0, "m|gender|P1|last", "not a projection".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic, 0, "m|gender|P1|last", new byte[] {0, 0x7f, -1, -1, -16, 1}));
            producer.send(new ProducerRecord<>(topic, 0, "m|gender|P1|last",
                    Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).serializer().serialize(topic, projection))).get();
        }

        try (ProjectionCollector collector = new ProjectionCollector(platform.kafkaCluster(), platform.serdeConfig(),
                Set.of(id), 1)) {
            Polling.awaitUntil(() -> collector.poll(Duration.ofMillis(200)), Duration.ofSeconds(60), Duration.ZERO,
                    "the one projection past two records that are none");
            assertEquals(List.of(projection), collector.projections());
        }
    }
}
