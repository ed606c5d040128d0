package io.audiolens.schemas.wire;

import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the values of one topic in the registry's wire format. The serializer asks the registry for a
 * type's schema id the first time (and to refresh it); a registry that does not answer is asked again as
 * {@link RegistryPatience} allows, then {@link RegistryUnavailableException} stops the writing stage.
 */
public final class ValueWriter<V extends SpecificRecord> implements AutoCloseable {

    private final String topic;
    private final Serializer<V> serializer;

    private ValueWriter(String topic, Serializer<V> serializer) {
        this.topic = topic;
        this.serializer = serializer;
    }

    public static <V extends SpecificRecord> ValueWriter<V> of(Topic<V> topic, SerdeConfig config,
            RegistryPatience patience) {
        return new ValueWriter<>(topic.name(), retrying(topic.valueSerde(config).serializer(), config, patience));
    }

    /** {@code serializer}, asking the registry again as {@code patience} allows when it does not answer. */
    public static <V> Serializer<V> retrying(Serializer<V> serializer, SerdeConfig config, RegistryPatience patience) {
        RegistryCalls calls = new RegistryCalls("the schema registry at " + config.registryUrl(), patience);
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, V value) {
                return calls.run(() -> serializer.serialize(topic, value), "writing to " + topic,
                        "the record was not written, and a restart reads (or sends) its input again");
            }

            @Override
            public void close() {
                serializer.close();
            }
        };
    }

    public byte[] write(V value) {
        return serializer.serialize(topic, value);
    }

    @Override
    public void close() {
        serializer.close();
    }
}
