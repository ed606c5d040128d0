package io.audiolens.aggregator.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.AggregatorTopics;
import io.audiolens.aggregator.ProjectionLines;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.aggregator.offline.OfflineAggregation;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, input and expectations for aggregator runs on the embedded broker. */
final class BrokerRuns {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BrokerRuns() {
    }

    /** 10 s windows, 5 s grace, a baseline of 3 windows, at least 4 samples, alerts after 2 in a row. */
    static final MonitorSettings MONITOR = MonitorSettings.defaults()
            .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(5)).withBaseline(3, 4, 2);

    static AggregatorSettings settings(String topicPrefix, int probeSize) {
        return AggregatorSettings.defaults()
                .withTopics(AggregatorTopics.prefixed(topicPrefix))
                .withParameters(AggregationParameters.defaults().withProbeSize(probeSize))
                .withPublishInterval(Duration.ofMillis(200))
                .withMonitor(MONITOR);
    }

    static void createTopics(EmbeddedPlatform platform, AggregatorSettings settings, int projectionPartitions) {
        platform.createTopics(settings.topics().specs(projectionPartitions));
    }

    /** Sends every projection keyed by its group, as the workers do. */
    static void send(EmbeddedPlatform platform, String topic, List<LayerProjection> projections) {
        sendAt(platform, topic, projections.stream().map(p -> new Timed(p, null)).toList());
    }

    /** A projection and the produce time of its sample (null: now). */
    record Timed(LayerProjection projection, Long eventTime) {}

    static void sendAt(EmbeddedPlatform platform, String topic, List<Timed> projections) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (Serde<LayerProjection> values = Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaProducer<String, LayerProjection> producer =
                        new KafkaProducer<>(config, new StringSerializer(), values.serializer())) {
            List<Future<RecordMetadata>> sent = projections.stream().map(t -> producer.send(new ProducerRecord<>(topic,
                    null, t.eventTime(), GroupKey.of(t.projection()).asKey(), t.projection()))).toList();
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the broker refused a projection: " + e.getMessage(), e);
        }
    }

    /** The values of the settings {@code names} of {@code topic}, as the broker describes them. */
    static Map<String, String> topicConfigs(EmbeddedPlatform platform, String topic, String... names) throws Exception {
        try (Admin admin = platform.kafkaCluster().createAdmin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            Map<String, String> values = new TreeMap<>();
            for (String name : names) {
                values.put(name, config.get(name).value());
            }
            return values;
        }
    }

    /** What a clean run must end with: the offline aggregation of the same projections. */
    static String expectedMetrics(List<LayerProjection> projections, AggregationParameters parameters) {
        try {
            return new String(OfflineAggregation.aggregate(
                    new BufferedReader(new StringReader(ProjectionLines.lines(projections))), "expected", parameters,
                    System.err::println).document().toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint's metrics.json, or null while it answers anything but 200. */
    static String metrics(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics.json")).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many groups the instance behind {@code port} counts itself, from its {@code /local/states}. */
    static int localGroups(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/local/states")).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).get("groups").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the endpoint until it serves {@code expected}; returns the last document seen either way. */
    static String awaitMetrics(int port, String expected) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            Polling.awaitUntil(() -> {
                last.set(metrics(port));
                return expected.equals(last.get());
            }, TIMEOUT, Duration.ofMillis(250), "metrics on port " + port + " to match the clean run");
        } catch (IllegalStateException timedOut) {
            return last.get();
        }
        return last.get();
    }
}
