package io.audiolens.schemas.wire;

import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the values of one topic and tells a bad record from a registry that cannot be asked. A value
 * that is not in the wire format (magic byte 0, 4-byte schema id, Avro body), names a schema id the
 * registry does not have, or whose body does not decode is the record's fault: {@link
 * UndecodableValueException}, a dead letter. A registry that does not answer (or fails, or refuses this
 * client) is nobody's fault in the record: it is asked again as {@link RegistryPatience} allows, then
 * {@link RegistryUnavailableException} stops the reading stage, the record uncommitted.
 */
public final class ValueReader<V> {

    private static final Logger LOG = LoggerFactory.getLogger(ValueReader.class);
    private static final int HEADER_BYTES = 5;
    private static final byte MAGIC = 0;

    private final Deserializer<V> deserializer;
    private final String valueType;
    private final String registry;
    private final boolean wireFormat;
    private final RegistryPatience patience;

    private ValueReader(Deserializer<V> deserializer, String valueType, String registry, boolean wireFormat,
            RegistryPatience patience) {
        this.deserializer = deserializer;
        this.valueType = valueType;
        this.registry = registry;
        this.wireFormat = wireFormat;
        this.patience = patience;
    }

    /** Values of {@code topic} as its registry serde writes them. */
    public static <V extends SpecificRecord> ValueReader<V> of(Topic<V> topic, SerdeConfig config,
            RegistryPatience patience) {
        return new ValueReader<>(topic.valueSerde(config).deserializer(), topic.valueType().getSimpleName(),
                "the schema registry at " + config.registryUrl(), true, patience);
    }

    /** Values that {@code deserializer} reads in a framing of its own (plain Avro, in tests): no header checks. */
    public static <V> ValueReader<V> plain(Deserializer<V> deserializer, String valueType) {
        return new ValueReader<>(deserializer, valueType, "the schema registry", false, RegistryPatience.DEFAULT);
    }

    /**
     * The value of the record at {@code where} (topic-partition@offset, for messages).
     *
     * @throws UndecodableValueException when the record cannot be read, with the reason
     * @throws RegistryUnavailableException when the registry did not answer within the patience
     */
    public V read(String topic, byte[] value, String where) throws UndecodableValueException {
        if (value == null) {
            throw new UndecodableValueException("the record has no value (a tombstone); producers of " + topic
                    + " never send one", null);
        }
        Optional<String> framing = wireFormat ? framingProblem(value) : Optional.empty();
        if (framing.isPresent()) {
            throw new UndecodableValueException(framing.get(), null);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return deserializer.deserialize(topic, value);
            } catch (RuntimeException e) {
                Optional<RestClientException> asked = registryError(e);
                if (asked.isEmpty()) {
                    throw new UndecodableValueException(bodyProblem(value, e), e);
                }
                if (asked.get() instanceof NotFoundException) {
                    throw new UndecodableValueException(schemaId(value) + " is not in " + registry + " ("
                            + describe(asked.get()) + "); the record was written against another registry, or the"
                            + " registry lost its schemas", e);
                }
                if (attempt >= patience.attempts()) {
                    throw new RegistryUnavailableException(registry + " did not answer for " + seconds(patience.total())
                            + " (" + patience.attempts() + " attempts: " + describe(asked.get()) + ") while reading "
                            + where + "; the record is not dead-lettered and is read again after a restart: start the"
                            + " registry or check the registry URL", e);
                }
                LOG.warn("{} unreachable reading {} ({}); attempt {} of {}, again in {}", registry, where,
                        describe(asked.get()), attempt, patience.attempts(), seconds(patience.backoff()));
                pause(where, e);
            }
        }
    }

    private Optional<String> framingProblem(byte[] value) {
        if (value.length < HEADER_BYTES) {
            return Optional.of("the value's " + value.length + " bytes are too few for the registry wire format (magic"
                    + " byte 0, a 4-byte schema id, the Avro body); it was not written by a registry serde");
        }
        if (value[0] != MAGIC) {
            return Optional.of("the value does not start with the wire format's magic byte 0 (it starts 0x"
                    + HexFormat.of().formatHex(value, 0, Math.min(8, value.length)) + "); it was not written by a"
                    + " registry serde");
        }
        return Optional.empty();
    }

    private String bodyProblem(byte[] value, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return "the value does not decode as " + valueType + (wireFormat ? " with " + schemaId(value) : "") + " ("
                + detail + "); the record is corrupt or was written with another schema under that id";
    }

    private static String schemaId(byte[] value) {
        return "schema id " + ByteBuffer.wrap(value, 1, 4).getInt();
    }

    private static Optional<RestClientException> registryError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestClientException asked) {
                return Optional.of(asked);
            }
        }
        return Optional.empty();
    }

    private static String describe(RestClientException e) {
        Error error = e.getError();
        if (error == null) {
            return e.toString();
        }
        return (error.getErrorCode() == null ? "" : "HTTP " + error.getErrorCode() + " ") + error.getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    private void pause(String where, RuntimeException cause) {
        try {
            Thread.sleep(patience.backoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting for " + registry + " to read " + where,
                    cause);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
