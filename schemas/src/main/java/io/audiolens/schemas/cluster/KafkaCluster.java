package io.audiolens.schemas.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * A Kafka cluster and how to reach it: the bootstrap servers and the user's client settings. Every client
 * AudioLens creates takes its configuration from here: AudioLens's own settings for that client, the
 * user's settings over them (the user cannot set what AudioLens owns: {@link KafkaClientSettings}), and
 * the bootstrap servers.
 */
public record KafkaCluster(String bootstrapServers, KafkaClientSettings settings) {

    public KafkaCluster {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers; give --bootstrap-servers host:port[,...]");
        }
    }

    /** A cluster that needs no client settings (the embedded broker's PLAINTEXT listener, for instance). */
    public static KafkaCluster at(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers, KafkaClientSettings.NONE);
    }

    public Map<String, Object> producer(Map<String, ?> ours) {
        return merged(ours, settings.forProducer());
    }

    public Map<String, Object> consumer(Map<String, ?> ours) {
        return merged(ours, settings.forConsumer());
    }

    public Map<String, Object> admin(Map<String, ?> ours) {
        return merged(ours, settings.forAdmin());
    }

    /** A Kafka Streams app's properties; Streams passes each of its clients the settings that client takes. */
    public Properties streams(Properties ours) {
        Properties props = new Properties();
        props.putAll(ours);
        props.putAll(settings.forStreams());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** An admin client with the user's settings. */
    public Admin createAdmin() {
        return Admin.create(admin(Map.of()));
    }

    /**
     * Connects and asks for the brokers, so that refused credentials or an unreachable cluster fail now, before
     * minutes of other work. A refusal is thrown as Kafka's {@link AuthenticationException}.
     */
    public void checkConnection(Duration timeout) {
        Admin admin = createAdmin();
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot reach the Kafka cluster at " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the Kafka cluster at " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s; check --bootstrap-servers and that security.protocol in --kafka-config"
                    + " matches the listener", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ZERO); // a call still pending would otherwise hold close() for its own timeout
        }
    }

    private Map<String, Object> merged(Map<String, ?> ours, Map<String, String> user) {
        Map<String, Object> config = new HashMap<>(ours);
        config.putAll(user);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    @Override
    public String toString() {
        return bootstrapServers + (settings.isEmpty() ? "" : " with " + settings.source() + " (" + settings + ")");
    }
}
