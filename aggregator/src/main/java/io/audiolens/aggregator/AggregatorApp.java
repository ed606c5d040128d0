package io.audiolens.aggregator;

import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.topology.AggregatorTopology;
import io.audiolens.aggregator.topology.ValueSerdes;
import io.audiolens.schemas.cluster.KafkaCluster;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** The aggregator Kafka Streams app: its topology and its configuration. {@link AggregatorService} runs it. */
public final class AggregatorApp {

    public static final String DEFAULT_APPLICATION_ID = "audiolens-aggregator";

    private AggregatorApp() {
    }

    /** How often a stream thread commits its transaction (Kafka Streams' default under exactly-once is 100). */
    public static final long COMMIT_INTERVAL_MS = 200;

    public static Topology buildTopology(AggregatorSettings settings, ValueSerdes serdes, AggregatorMeters meters) {
        return AggregatorTopology.build(settings, serdes, meters);
    }

    /**
     * Exactly-once (v2) with persistent stores under {@code stateDir}; the cluster's client settings (security,
     * tuning) for every client Streams creates.
     *
     * @param applicationServer {@code host:port} of this instance's HTTP endpoint, or null without one
     */
    public static Properties config(String applicationId, KafkaCluster cluster, Path stateDir,
            String applicationServer) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        // every task reads one input partition (no joins), so there is nothing to wait for; and at Streams'
        // default of 0 each check of a drained task formats log lines nobody reads (Kafka 4.3), a few % of the time
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // a transaction per COMMIT_INTERVAL_MS: each commit costs the stream thread a fixed wait (its producer's flush,
        // the offsets, the transaction's round trips) whatever it carries; at exactly-once's default of 100 ms that was
        // 9-12 % of its time, at 200 ms 6-8 % (bench aggregator), for about 50 ms more latency to a snapshot
        // (aggregator --commit-interval-ms sets another)
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return cluster.streams(props);
    }
}
