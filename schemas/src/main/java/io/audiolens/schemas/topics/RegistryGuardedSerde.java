package io.audiolens.schemas.topics;

import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.rest.client.auth.exception.ForbiddenException;
import io.apicurio.rest.client.auth.exception.NotAuthorizedException;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A registry-backed value serde whose registry failures surface as {@link RegistryUnavailableException}
 * instead of the serde's generic error, which the stages would take for a bad record and dead-letter.
 */
final class RegistryGuardedSerde<V> implements Serde<V> {

    private static final Set<String> UNREACHABLE = Set.of(ConnectException.class.getSimpleName(),
            HttpConnectTimeoutException.class.getSimpleName(), UnknownHostException.class.getSimpleName());

    private final Serde<V> inner;
    private final SerdeConfig config;

    RegistryGuardedSerde(Serde<V> inner, SerdeConfig config) {
        this.inner = inner;
        this.config = config;
    }

    @Override
    public Serializer<V> serializer() {
        Serializer<V> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, V data) {
                return guarded(() -> serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, V data) {
                return guarded(() -> serializer.serialize(topic, headers, data));
            }

            @Override
            public void close() {
                serializer.close();
            }
        };
    }

    @Override
    public Deserializer<V> deserializer() {
        Deserializer<V> deserializer = inner.deserializer();
        return new Deserializer<>() {
            @Override
            public V deserialize(String topic, byte[] data) {
                return guarded(() -> deserializer.deserialize(topic, data));
            }

            @Override
            public V deserialize(String topic, Headers headers, byte[] data) {
                return guarded(() -> deserializer.deserialize(topic, headers, data));
            }

            @Override
            public V deserialize(String topic, Headers headers, ByteBuffer data) {
                return guarded(() -> deserializer.deserialize(topic, headers, data));
            }

            @Override
            public void close() {
                deserializer.close();
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private RuntimeException translated(RuntimeException e) {
        String url = config.registryUrl();
        String settings = config.client().isEmpty() ? "give its credentials with --registry-config FILE"
                : "check the credentials in " + config.client().source();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotAuthorizedException) {
                return new RegistryUnavailableException("the schema registry at " + url + " did not accept our"
                        + " credentials (HTTP 401); " + settings, true, e);
            }
            if (t instanceof ForbiddenException) {
                return new RegistryUnavailableException("the schema registry at " + url + " refused access (HTTP 403);"
                        + " the account needs the right to read and register schemas; " + settings, true, e);
            }
            Optional<String> unreachable = unreachable(t);
            if (unreachable.isPresent()) {
                return new RegistryUnavailableException("cannot reach the schema registry at " + url + " ("
                        + unreachable.get() + "); check --registry-url and that the registry is running", false, e);
            }
        }
        return e;
    }

    /** Apicurio's client reports an I/O failure as a RestClientException naming the exception's class. */
    private static Optional<String> unreachable(Throwable t) {
        if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException) {
            return Optional.of(t.getClass().getSimpleName());
        }
        if (t instanceof RestClientException rest && rest.getError() != null
                && UNREACHABLE.contains(rest.getError().getName())) {
            return Optional.of(rest.getError().getName());
        }
        return Optional.empty();
    }
}
