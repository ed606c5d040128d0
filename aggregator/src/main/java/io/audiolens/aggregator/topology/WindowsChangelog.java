package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.monitor.MonitorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor windows' changelog settings. Kafka Streams creates a window store's changelog compacted and
 * deleted by time ({@code retention.ms} = the store's retention + 1 day), each record stamped with the event
 * time of the projection being counted: audio replayed or backfilled with produce times days old would have its
 * windows deleted by the broker within minutes, and a restart would restore windows without those samples.
 * Stamped with the broker's append time instead, a window stays in the changelog for the store's retention plus
 * {@link #GRACE} after its last change, whatever its event time (the store keys windows by their start and never
 * reads the stamp), so a group silent for up to a week keeps its open window across a restart.
 *
 * <p>Kafka Streams leaves an existing topic as it is: a changelog created before these settings is brought up
 * to them when the aggregator starts ({@link #upgrade}).
 */
public final class WindowsChangelog {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsChangelog.class);
    /** How long after its last change the changelog keeps a window beyond the store's own retention. */
    static final Duration GRACE = Duration.ofDays(7);
    private static final String APPEND_TIME = "LogAppendTime";
    /** Compacted per window, and a window past the retention deleted: not kept forever. */
    private static final String COMPACT_AND_DELETE = TopicConfig.CLEANUP_POLICY_COMPACT + ","
            + TopicConfig.CLEANUP_POLICY_DELETE;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WindowsChangelog() {
    }

    /** The changelog's topic for application {@code applicationId}. */
    public static String topic(String applicationId) {
        return applicationId + "-" + StoreNames.MONITOR_WINDOWS + "-changelog";
    }

    /** The settings the store asks Kafka Streams to create its changelog with. */
    static Map<String, String> settings(MonitorSettings monitor) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, COMPACT_AND_DELETE,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, APPEND_TIME,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs(monitor)));
    }

    private static long retentionMs(MonitorSettings monitor) {
        return monitor.retention().plus(GRACE).toMillis();
    }

    /**
     * What must change in an existing changelog's {@code current} settings: a policy that does not both compact
     * and delete, the stamp, and the retention when it is shorter (a longer one the operator chose is kept).
     */
    static Map<String, String> changes(Map<String, String> current, MonitorSettings monitor) {
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> policy = List.of(current.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "").split(",\\s*"));
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || !policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            changes.put(TopicConfig.CLEANUP_POLICY_CONFIG, COMPACT_AND_DELETE);
        }
        if (!APPEND_TIME.equals(current.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG))) {
            changes.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, APPEND_TIME);
        }
        String retention = current.get(TopicConfig.RETENTION_MS_CONFIG);
        long wanted = retentionMs(monitor);
        if (retention != null && Long.parseLong(retention) >= 0 && Long.parseLong(retention) < wanted) {
            changes.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(wanted));
        }
        return changes;
    }

    /**
     * Brings an existing changelog of {@code applicationId} up to {@link #settings}; a missing one is left to Kafka
     * Streams. A cluster that refuses (no ALTER_CONFIGS right, say) does not stop the aggregator: the log says
     * what to run instead.
     */
    public static void upgrade(Admin admin, String applicationId, MonitorSettings monitor) {
        String topic = topic(applicationId);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<String, String> changes = Map.of();
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            Map<String, String> current = new LinkedHashMap<>();
            config.entries().forEach(entry -> current.put(entry.name(), entry.value()));
            changes = changes(current, monitor);
            if (changes.isEmpty()) {
                return;
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            changes.forEach((name, value) -> ops.add(new AlterConfigOp(new ConfigEntry(name, value),
                    AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("the monitor windows' changelog {} was created before its settings: set {} (windows replayed with old"
                    + " event times are no longer deleted by the broker)", topic, changes);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return; // a first start: Kafka Streams creates it with the settings
            }
            warn(topic, changes, monitor, e.getCause());
        } catch (TimeoutException e) {
            warn(topic, changes, monitor, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(topic, changes, monitor, e);
        }
    }

    private static void warn(String topic, Map<String, String> changes, MonitorSettings monitor, Throwable why) {
        Map<String, String> wanted = changes.isEmpty() ? settings(monitor) : changes;
        LOG.warn("cannot check or set the settings of the monitor windows' changelog {} ({}): windows replayed with old"
                + " event times may be deleted by the broker and lost on a restart; set them once with kafka-configs.sh"
                + " --alter --entity-type topics --entity-name {} --add-config {}", topic, why.toString(), topic,
                String.join(",", wanted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
}
