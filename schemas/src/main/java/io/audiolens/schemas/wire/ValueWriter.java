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
public final class ValueWriter<V extends SpecificRecord> {

    private final Topic<V> topic;
    private final Serializer<V> serializer;
    private final RegistryCalls calls;

    private ValueWriter(Topic<V> topic, Serializer<V> serializer, RegistryCalls calls) {
        this.topic = topic;
        this.serializer = serializer;
        this.calls = calls;
    }

    public static <V extends SpecificRecord> ValueWriter<V> of(Topic<V> topic, SerdeConfig config,
            RegistryPatience patience) {
        return new ValueWriter<>(topic, topic.valueSerde(config).serializer(),
                new RegistryCalls("the schema registry at " + config.registryUrl(), patience));
    }

    public byte[] write(V value) {
        return calls.run(() -> serializer.serialize(topic.name(), value),
                "writing a " + topic.valueType().getSimpleName() + " to " + topic.name());
    }
}
