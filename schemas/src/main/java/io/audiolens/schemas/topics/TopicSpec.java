package io.audiolens.schemas.topics;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is laid out: name, default partition count, cleanup and retention.
 *
 * @param retention how long records are kept; empty keeps them forever (ignored for compacted topics,
 *     which keep the latest value per key)
 */
public record TopicSpec(String name, int partitions, boolean compacted, Optional<Duration> retention) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
        }
        retention.ifPresent(r -> {
            if (r.isNegative() || r.isZero()) {
                throw new IllegalArgumentException("topic " + name + " retention must be positive, got " + r
                        + "; use an empty retention to keep records forever");
            }
        });
    }

    /** A delete-policy topic that keeps every record: the event logs that replays start from. */
    public static TopicSpec keptForever(String name, int partitions) {
        return new TopicSpec(name, partitions, false, Optional.empty());
    }

    /** A compacted topic: the latest value per key, for snapshots that users read as a table. */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true, Optional.empty());
    }

    /** The topic-level configs that encode this spec. */
    public Map<String, String> configs() {
        if (compacted) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        String retentionMs = retention.map(r -> Long.toString(r.toMillis())).orElse("-1");
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, retentionMs);
    }

    /** The AdminClient request that creates this topic. */
    public NewTopic toNewTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
