package io.audiolens.schemas.wire;

import io.apicurio.registry.rest.client.exception.RestClientException;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the values of one topic and tells a bad record from a registry that cannot be asked. A value
 * that is not in the wire format (magic byte 0, 4-byte schema id, Avro body), names a schema id the
 * registry does not have, or whose body does not decode is the record's fault: {@link
 * UndecodableValueException}, a dead letter. A registry that does not answer (or fails, or refuses this
 * client) is nobody's fault in the record: it is asked again as {@link RegistryPatience} allows, then
 * {@link RegistryUnavailableException} stops the reading stage, the record uncommitted.
 */
public final class ValueReader<V> {

    private static final int HEADER_BYTES = 5;
    private static final byte MAGIC = 0;

    private final Deserializer<V> deserializer;
    private final String valueType;
    private final boolean wireFormat;
    private final RegistryCalls calls;

    private ValueReader(Deserializer<V> deserializer, String valueType, String registry, boolean wireFormat,
            RegistryPatience patience) {
        this.deserializer = deserializer;
        this.valueType = valueType;
        this.wireFormat = wireFormat;
        this.calls = new RegistryCalls(registry, patience);
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
        try {
            return calls.run(() -> deserializer.deserialize(topic, value), "reading " + where,
                    "nothing was dead-lettered, and the record is read again after a restart");
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<RestClientException> notFound = RegistryCalls.registryError(e);
            if (notFound.isPresent()) {
                throw new UndecodableValueException(schemaId(value) + " is not in " + calls.registry() + " ("
                        + RegistryCalls.describe(notFound.get()) + "); the record was written against another registry,"
                        + " or the registry lost its schemas", e);
            }
            throw new UndecodableValueException(bodyProblem(value, e), e);
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
}
