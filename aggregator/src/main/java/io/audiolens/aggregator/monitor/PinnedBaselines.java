package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.MonitorBaseline;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a group's pinned baseline from the raw bytes of the baselines topic. One that cannot be used
 * (undecodable, other labels or depth, no samples) is not used, and {@link #problem} says why.
 */
public final class PinnedBaselines {

    private final Deserializer<MonitorBaseline> decoder;
    private final String topic;

    public PinnedBaselines(Deserializer<MonitorBaseline> decoder, String topic) {
        this.decoder = decoder;
        this.topic = topic;
    }

    /** The usable baseline pinned for {@code group}, if any; {@code bytes} null when none is pinned. */
    public Optional<Baseline> usable(byte[] bytes, GroupMonitor group) {
        return bytes == null || problem(bytes, group).isPresent() ? Optional.empty()
                : Optional.of(baseline(decoder.deserialize(topic, bytes)));
    }

    /** Why the pinned baseline is not used, or empty when it is (or none is pinned). */
    public Optional<String> problem(byte[] bytes, GroupMonitor group) {
        if (bytes == null) {
            return Optional.empty();
        }
        MonitorBaseline pinned;
        try {
            pinned = decoder.deserialize(topic, bytes);
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.of("the pinned baseline cannot be decoded (" + e.getMessage() + "); pin it again");
        }
        if (!pinned.getLabels().equals(group.labels()) || pinned.getLayers() != group.layers()) {
            return Optional.of("the pinned baseline (" + pinned.getSource() + ") has labels " + pinned.getLabels() + " and "
                    + pinned.getLayers() + " layers, the group " + group.labels() + " and " + group.layers()
                    + "; pin one of the same model and attribute");
        }
        if (pinned.getReadings().getSamples() < 1) {
            return Optional.of("the pinned baseline (" + pinned.getSource() + ") has no samples; pin one that has");
        }
        return Optional.empty();
    }

    private static Baseline baseline(MonitorBaseline pinned) {
        return new Baseline(pinned.getSource(), Readings.countsOf(pinned.getReadings()));
    }
}
