package io.audiolens.app.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run's outcome collector on the embedded broker: outcomes can arrive before the request they answer. */
@ExtendWith(EmbeddedPlatformExtension.class)
class EnrichmentCollectorTest {
    private static final String SAMPLE = "collector/language/a.wav";

    @Test
    void shouldNotBeCompleteWhileARequestTheAggregatorMadeIsUnread(EmbeddedPlatform platform) {
        String model = "collector-" + UUID.randomUUID();
        String p1 = model + "|language|P1";
        String p2 = model + "|language|P2";
        Map<String, Long> oneTestSample = Map.of("language", 1L);
        send(platform, Topics.ENRICHMENT_OUTCOMES, p1, outcome(model, PromptFormat.P1));
        send(platform, Topics.ENRICHMENT_OUTCOMES, p2, outcome(model, PromptFormat.P2));
        send(platform, Topics.ENRICHMENT_REQUESTS, p1, request(model, PromptFormat.P1));

        try (EnrichmentCollector collector = new EnrichmentCollector(platform.kafkaCluster(), platform.serdeConfig(),
                Set.of(SAMPLE))) {
            awaitRead(collector, () -> collector.requests().containsKey(p1) && collector.outcomesFor(p2) == 1);
            assertFalse(collector.complete(Set.of(p1, p2), oneTestSample), "P2's request is not read yet");
            assertTrue(collector.complete(Set.of(p1), oneTestSample));

            send(platform, Topics.ENRICHMENT_REQUESTS, p2, request(model, PromptFormat.P2));
            awaitRead(collector, () -> collector.requests().containsKey(p2));
            assertTrue(collector.complete(Set.of(p1, p2), oneTestSample));
        }
    }

    private static void awaitRead(EnrichmentCollector collector, BooleanSupplier read) {
        Polling.awaitUntil(() -> {
            collector.poll(Duration.ofMillis(200));
            return read.getAsBoolean();
        }, Duration.ofSeconds(30), Duration.ZERO, "the collector to read what was sent");
    }

    private static <V extends SpecificRecord> void send(EmbeddedPlatform platform, Topic<V> topic, String key, V value) {
        try (Serde<V> values = topic.valueSerde(platform.serdeConfig());
                KafkaProducer<String, V> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                        topic.keySerde().serializer(), values.serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
            producer.flush();
        }
    }

    private static EnrichmentRequest request(String model, PromptFormat prompt) {
        return EnrichmentRequest.newBuilder().setModel(model).setAttribute("language").setPrompt(prompt)
                .setSourceLayer(2).setTargetLayer(3).setLambdas(List.of(0.0, 1.0)).setRandomSeeds(List.of(1L))
                .setProbeSize(1).setLayers(4).build();
    }

    private static EnrichmentOutcome outcome(String model, PromptFormat prompt) {
        return EnrichmentOutcome.newBuilder().setModel(model).setAttribute("language").setPrompt(prompt)
                .setSampleId(SAMPLE).setLabel("English").setSourceLayer(2).setTargetLayer(3)
                .setLambdas(List.of(0.0, 1.0)).setPredictions(List.of("English", "English"))
                .setRandomSourceLayers(List.of(1)).setRandomPredictions(List.of(List.of("English", "German")))
                .build();
    }
}
