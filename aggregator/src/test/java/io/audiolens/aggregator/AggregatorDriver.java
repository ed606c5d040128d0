package io.audiolens.aggregator;

import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.aggregator.monitor.GroupMonitor;
import io.audiolens.aggregator.monitor.MonitorDocument;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.aggregator.monitor.WindowState;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.topology.LocalMonitor;
import io.audiolens.aggregator.topology.StoreNames;
import io.audiolens.aggregator.topology.LocalStates;
import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.MonitorBaseline;
import io.audiolens.schemas.MonitorWindow;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.cluster.KafkaCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The aggregator topology in a {@link TopologyTestDriver} with persistent stores under a given folder. */
public final class AggregatorDriver implements AutoCloseable {

    private final AggregatorSettings settings;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> projections;
    private final TestInputTopic<String, byte[]> outcomes;
    private final TestInputTopic<String, byte[]> baselines;

    public AggregatorDriver(AggregatorSettings settings, Path stateDir) {
        this.settings = settings;
        Properties config = AggregatorApp.config("aggregator-test", KafkaCluster.at("unused:9092"), stateDir, null);
        driver = new TopologyTestDriver(AggregatorApp.buildTopology(settings, PlainAvroSerde.everyTopic(),
                AggregatorMeters.unexported()), config);
        projections = driver.createInputTopic(settings.topics().projections(), new StringSerializer(),
                new ByteArraySerializer());
        outcomes = driver.createInputTopic(settings.topics().outcomes(), new StringSerializer(),
                new ByteArraySerializer());
        baselines = driver.createInputTopic(settings.topics().baselines(), new StringSerializer(),
                new ByteArraySerializer());
    }

    public static AggregatorSettings settings(int probeSize) {
        return AggregatorSettings.defaults()
                .withParameters(AggregationParameters.defaults().withProbeSize(probeSize));
    }

    /** With every target layer at ℓ̄ + {@code targetOffset}, whatever the model's depth. */
    public static AggregatorSettings settings(int probeSize, int targetOffset) {
        return AggregatorSettings.defaults()
                .withParameters(AggregationParameters.defaults().withProbeSize(probeSize).withTargetOffset(targetOffset));
    }

    /** Sends projections keyed by their group, as the workers do. */
    public void project(LayerProjection... sent) {
        for (LayerProjection projection : sent) {
            project(new Group(projection.getModel(), projection.getAttribute(), projection.getPrompt(),
                    projection.getView(), projection.getLabels()).key(), projection);
        }
    }

    public void project(String key, LayerProjection projection) {
        projections.pipeInput(key, bytes(projection));
    }

    /** Sends a projection whose sample was produced at {@code eventTime}. */
    public void project(LayerProjection projection, Instant eventTime) {
        projections.pipeInput(GroupKey.of(projection).asKey(), bytes(projection), eventTime);
    }

    /**
     * Pins {@code baseline} for {@code group}, or unpins it with null. The record is timestamped 0: the test
     * driver lets a global store's record advance the tasks' stream time, which a real app does not.
     */
    void pin(String group, MonitorBaseline baseline) {
        baselines.pipeInput(group, baseline == null ? null : bytes(baseline), Instant.EPOCH);
    }

    void projectRaw(String key, byte[] value) {
        projections.pipeInput(key, value);
    }

    void outcome(EnrichmentOutcome outcome) {
        outcomes.pipeInput(outcome.getModel() + "|" + outcome.getAttribute() + "|" + outcome.getPrompt(),
                bytes(outcome));
    }

    /** Lets one publish interval pass on the wall clock: changed keys publish their snapshots. */
    public void publish() {
        driver.advanceWallClockTime(settings.publishInterval());
    }

    Map<String, ScoreSnapshot> scores() {
        return output(settings.topics().scores(), ScoreSnapshot.class).readKeyValuesToMap();
    }

    List<KeyValue<String, ScoreSnapshot>> scoreRecords() {
        return output(settings.topics().scores(), ScoreSnapshot.class).readKeyValuesToList();
    }

    List<KeyValue<String, EnrichmentRequest>> requests() {
        return output(settings.topics().requests(), EnrichmentRequest.class).readKeyValuesToList();
    }

    List<KeyValue<String, EnrichmentSnapshot>> enrichment() {
        return output(settings.topics().enrichment(), EnrichmentSnapshot.class).readKeyValuesToList();
    }

    Map<String, CorrelationSnapshot> correlations() {
        return output(settings.topics().correlations(), CorrelationSnapshot.class).readKeyValuesToMap();
    }

    List<KeyValue<String, DeadLetter>> deadLetters() {
        return output(settings.topics().deadLetters(), DeadLetter.class).readKeyValuesToList();
    }

    public List<KeyValue<String, MonitorWindow>> windows() {
        return output(settings.topics().windows(), MonitorWindow.class).readKeyValuesToList();
    }

    public List<KeyValue<String, MonitorAlert>> alerts() {
        return output(settings.topics().alerts(), MonitorAlert.class).readKeyValuesToList();
    }

    /** monitor.json as the HTTP endpoint would build it from these stores. */
    public MonitorDocument monitor() {
        return MonitorDocument.of(settings.monitor(), LocalMonitor.read(new LocalMonitor.Stores() {
            @Override
            public ReadOnlyKeyValueStore<String, GroupMonitor> groups() {
                return driver.getKeyValueStore(StoreNames.MONITOR_GROUPS);
            }

            @Override
            public ReadOnlyWindowStore<String, WindowState> windows() {
                return driver.getWindowStore(StoreNames.MONITOR_WINDOWS);
            }

            @Override
            public ReadOnlyKeyValueStore<String, byte[]> baselines() {
                return driver.getKeyValueStore(StoreNames.MONITOR_BASELINES);
            }
        }, settings.monitor(), new PinnedBaselines(new PlainAvroSerde<>(MonitorBaseline.class).deserializer(),
                settings.topics().baselines())));
    }

    /** metrics.json as the HTTP endpoint would build it from these stores. */
    public MetricsDocument document() {
        return MetricsDocument.from(LocalStates.read(new LocalStates.StoreReader() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return driver.getKeyValueStore(name);
            }
        }), settings.parameters());
    }

    @Override
    public void close() {
        driver.close();
    }

    private <V extends SpecificRecord> TestOutputTopic<String, V> output(String topic, Class<V> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new PlainAvroSerde<>(type).deserializer());
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> byte[] bytes(V value) {
        return new PlainAvroSerde<>((Class<V>) value.getClass()).serializer().serialize("", value);
    }
}
