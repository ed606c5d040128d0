package io.audiolens.schemas.cluster;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's client settings, checked by the subclass for the client they configure, and where they came from.
 * {@link #toString()} redacts secrets ({@link Secrets}).
 */
public abstract sealed class ClientSettings permits KafkaClientSettings, RegistryClientSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSettings.class);

    private final Map<String, String> settings;
    private final String source;

    ClientSettings(Map<String, String> settings, String source) {
        this.settings = Map.copyOf(settings);
        this.source = source;
    }

    public final boolean isEmpty() {
        return settings.isEmpty();
    }

    /** Where the settings came from, as messages name it, e.g. {@code --kafka-config /etc/kafka.properties}. */
    public final String source() {
        return source;
    }

    final Map<String, String> settings() {
        return settings;
    }

    /** Logs what was read, secrets redacted, so that an operator sees which settings a command runs with. */
    final void log(String what) {
        LOG.info("{} from {}: {}", what, source, this);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && settings.equals(((ClientSettings) other).settings);
    }

    @Override
    public final int hashCode() {
        return settings.hashCode();
    }

    @Override
    public final String toString() {
        return Secrets.describe(settings);
    }
}
