package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.Group;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every topic the aggregator reads, on the real broker and registry: each record it cannot
 * count is one dead letter naming it and why and the rest is counted; an unreadable pinned baseline is
 * reported on /monitor.json; a registry that does not answer stops the app, saying so on /healthz, with
 * nothing dead-lettered and nothing lost.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class AggregatorBadInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] UNKNOWN_SCHEMA_ID = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4};

    @TempDir
    Path folder;

    private String run;
    private Group group;
    private AggregatorSettings settings;

    @BeforeEach
    void topicsOfThisTest(EmbeddedPlatform platform) {
        run = UUID.randomUUID().toString().substring(0, 8);
        group = Group.of("m-" + run, "gender", PromptFormat.P1, View.LAST, "a", "b");
        settings = BrokerRuns.settings("bad-" + run + ".", 100);
        BrokerRuns.createTopics(platform, settings, 2);
    }

    @Test
    void shouldDeadLetterEveryRecordItCannotCountAndCountTheRest(EmbeddedPlatform platform) throws Exception {
        var projections = Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).serializer();
        var outcomes = Topics.ENRICHMENT_OUTCOMES.valueSerde(platform.serdeConfig()).serializer();
        String topic = settings.topics().projections();
        String outcomeTopic = settings.topics().outcomes();
        String outcomeKey = group.model() + "|gender|P1";
        byte[] good = projections.serialize(topic, group.labelled("s1", Split.TEST, "a", "a", "aa"));
        LayerProjection notANumber = group.labelled("nan", Split.TEST, "a", "a", "aa");
        notANumber.getLayerProbs().set(1, List.of(Double.NaN, 0.2));
        LayerProjection deeper = Group.of(group.model(), "gender", PromptFormat.P1, View.LAST, "a", "b")
                .labelled("deeper", Split.TEST, "a", "a", "aaa");
        try (KafkaProducer<String, byte[]> producer = producer(platform);
                AggregatorService service = start(platform, platform.serdeConfig(), "counting")) {
            send(producer, topic, group.key(), good);
            send(producer, topic, group.key(), projections.serialize(topic, group.labelled("s2", Split.TEST, "b", "a", "ab")));
            send(producer, topic, group.key(), "{\"sampleId\": \"json\"}".getBytes(StandardCharsets.UTF_8));
            send(producer, topic, group.key(), new byte[] {0, 0, 1});
            send(producer, topic, group.key(), UNKNOWN_SCHEMA_ID);
            send(producer, topic, group.key(), garbageBody(good));
            send(producer, topic, group.key(), null);
            send(producer, topic, group.key(), projections.serialize(topic, notANumber));
            send(producer, topic, group.key(), projections.serialize(topic, deeper));
            send(producer, topic, "elsewhere", projections.serialize(topic, group.labelled("s3", Split.TEST, "a", "a", "aa")));
            send(producer, topic, group.key(), projections.serialize(topic, group.labelled("s4", Split.TEST, "b", "b", "bb")));

            send(producer, outcomeTopic, outcomeKey, outcomes.serialize(outcomeTopic, outcome("t1", List.of("a", "b"))));
            send(producer, outcomeTopic, outcomeKey, "not an outcome".getBytes(StandardCharsets.UTF_8));
            send(producer, outcomeTopic, outcomeKey, UNKNOWN_SCHEMA_ID);
            send(producer, outcomeTopic, outcomeKey, garbageBody(outcomes.serialize(outcomeTopic, outcome("x", List.of("a", "b")))));
            send(producer, outcomeTopic, outcomeKey, outcomes.serialize(outcomeTopic, outcome("t2", List.of("a"))));
            send(producer, settings.topics().baselines(), group.key(), "not a baseline".getBytes(StandardCharsets.UTF_8));

            // counts reach the HTTP endpoint when the task commits (live values), rejections at once: await both
            JsonNode metrics = awaitJson(service.httpPort(), "/metrics.json",
                    m -> m.path("rejected").asInt() == 8 && m.path("rejectedOutcomes").asInt() == 4
                            && groupOf(m.path("groups")) != null && groupOf(m.path("groups")).path("samples").asInt() == 3);
            JsonNode counted = groupOf(metrics.path("groups"));
            assertEquals(3, counted.path("samples").asInt(), counted.toString());
            JsonNode monitor = awaitJson(service.httpPort(), "/monitor.json", m -> groupOf(m.path("groups")) != null);
            assertTrue(groupOf(monitor.path("groups")).path("baseline").path("pinProblem").asText()
                    .startsWith("the pinned baseline cannot be decoded"), monitor.toString());
        }

        Map<String, List<DeadLetter>> letters = deadLetters(platform).stream().collect(Collectors.groupingBy(
                DeadLetter::getOriginalTopic));
        List<String> reasons = letters.get(topic).stream().map(DeadLetter::getReason).toList();
        assertEquals(8, reasons.size(), reasons.toString());
        assertOneStartsWith(reasons, "cannot decode the value: the value does not start with the wire format's magic"
                + " byte 0 (it starts 0x7b2273616d706c65)");
        assertOneStartsWith(reasons, "cannot decode the value: the value's 3 bytes are too few");
        assertOneStartsWith(reasons, "cannot decode the value: schema id 2147483632 is not in the schema registry at "
                + platform.serdeConfig().registryUrl());
        assertOneStartsWith(reasons, "cannot decode the value: the value does not decode as LayerProjection with schema id");
        assertOneStartsWith(reasons, "cannot decode the value: the record has no value");
        assertOneStartsWith(reasons, "layerProbs row 2 holds a non-finite probability: [NaN, 0.2]");
        assertOneStartsWith(reasons, "layers 3 differs from 2 of the group's earlier projections");
        assertOneStartsWith(reasons, "keyed 'elsewhere', but must be keyed '" + group.key() + "'");
        letters.get(topic).forEach(letter -> assertEquals("aggregator.projections", letter.getStage()));

        List<String> outcomeReasons = letters.get(outcomeTopic).stream().map(DeadLetter::getReason).toList();
        assertEquals(4, outcomeReasons.size(), outcomeReasons.toString());
        assertOneStartsWith(outcomeReasons, "cannot decode the value: the value does not start with the wire format's"
                + " magic byte 0");
        assertOneStartsWith(outcomeReasons, "cannot decode the value: schema id 2147483632 is not in the schema registry");
        assertOneStartsWith(outcomeReasons, "cannot decode the value: the value does not decode as EnrichmentOutcome");
        assertOneStartsWith(outcomeReasons, "predictions has 1 entries for 2");
        letters.get(outcomeTopic).forEach(letter -> assertEquals("aggregator.outcomes", letter.getStage()));
    }

    private static void assertOneStartsWith(List<String> reasons, String start) {
        assertEquals(1, reasons.stream().filter(reason -> reason.startsWith(start)).count(), start + " in " + reasons);
    }

    @Test
    void shouldStopNamingTheRegistryThatDoesNotAnswerAndCountTheRecordAfterARestart(EmbeddedPlatform platform)
            throws Exception {
        SerdeConfig nowhere = SerdeConfig.forRegistry("http://127.0.0.1:" + closedPort());
        settings = settings.withRegistryPatience(new RegistryPatience(2, Duration.ofMillis(100)));
        String topic = settings.topics().projections();
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            send(producer, topic, group.key(), Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).serializer()
                    .serialize(topic, group.labelled("s1", Split.TEST, "a", "a", "aa")));
        }
        try (AggregatorService service = start(platform, nowhere, "registry")) {
            assertEquals(KafkaStreams.State.ERROR, service.awaitStopped());
            String why = service.failureReason().orElseThrow();
            assertTrue(why.startsWith("the schema registry at " + nowhere.registryUrl() + " did not answer for 100 ms"
                    + " (2 attempts: ConnectException) while reading " + topic + "-"), why);
            HttpResponse<String> health = get(service.httpPort(), "/healthz");
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("Kafka Streams is ERROR: " + why), health.body());
        }
        assertEquals(List.of(), deadLetters(platform));

        try (AggregatorService again = start(platform, platform.serdeConfig(), "registry")) {
            JsonNode metrics = awaitJson(again.httpPort(), "/metrics.json", m -> groupOf(m.path("groups")) != null);
            assertEquals(1, groupOf(metrics.path("groups")).path("samples").asInt());
        }
    }

    private AggregatorService start(EmbeddedPlatform platform, SerdeConfig serdes, String state) {
        return AggregatorService.start(new AggregatorService.Options("bad-" + run, platform.kafkaCluster(), serdes,
                folder.resolve(state), "127.0.0.1", 0, settings,
                // a restarted instance takes over the failed one's partitions after 6 s, not the default 45 s
                Map.of("session.timeout.ms", 6000, "heartbeat.interval.ms", 1000)));
    }

    private JsonNode groupOf(JsonNode groups) {
        for (JsonNode g : groups) {
            if (g.path("model").asText().equals(group.model())) {
                return g;
            }
        }
        return null;
    }

    private List<DeadLetter> deadLetters(EmbeddedPlatform platform) {
        Deserializer<DeadLetter> values = Topics.DEAD_LETTERS.valueSerde(platform.serdeConfig()).deserializer();
        return CommittedTopics.read(platform, settings.topics().deadLetters()).stream()
                .map(ConsumerRecord::value).map(bytes -> values.deserialize("", bytes)).toList();
    }

    private EnrichmentOutcome outcome(String sampleId, List<String> predictions) {
        return EnrichmentOutcome.newBuilder().setModel(group.model()).setAttribute("gender").setPrompt(PromptFormat.P1)
                .setSampleId(sampleId).setLabel("a").setSourceLayer(1).setTargetLayer(2).setLambdas(List.of(0.0, 1.0))
                .setPredictions(predictions).setRandomSourceLayers(List.of()).setRandomPredictions(List.of()).build();
    }

    private static byte[] garbageBody(byte[] value) {
        byte[] garbage = Arrays.copyOf(value, 5 + 12);
        Arrays.fill(garbage, 5, garbage.length, (byte) 0xff);
        return garbage;
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedPlatform platform) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
            throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
    }

    private static JsonNode awaitJson(int port, String path, java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        try {
            Polling.awaitUntil(() -> {
                HttpResponse<String> response = get(port, path);
                if (response.statusCode() != 200) {
                    return false;
                }
                try {
                    last[0] = new ObjectMapper().readTree(response.body());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return done.test(last[0]);
            }, BrokerRuns.TIMEOUT, Duration.ofMillis(200), path + " on port " + port);
        } catch (IllegalStateException timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; last answer: " + last[0], timedOut);
        }
        return last[0];
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
