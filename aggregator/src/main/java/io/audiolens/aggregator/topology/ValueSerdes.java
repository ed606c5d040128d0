package io.audiolens.aggregator.topology;

import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.ValueReader;
import io.audiolens.schemas.wire.ValueWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Where the topology gets its Avro value serdes: the schema registry, or a registry-free stand-in in tests. */
@FunctionalInterface
public interface ValueSerdes {

    <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic);

    /** What reads an input topic's values, telling a bad record from a registry that does not answer. */
    default <V extends SpecificRecord> ValueReader<V> reader(Topic<V> topic) {
        return ValueReader.plain(forTopic(topic).deserializer(), topic.valueType().getSimpleName());
    }

    /**
     * {@link Topic#valueSerde}: Confluent wire format through the registry. Reading or writing, a registry that
     * does not answer is asked again as {@code patience} allows; then the stream thread fails with a
     * {@link io.audiolens.schemas.wire.RegistryUnavailableException} and the record stays uncommitted.
     */
    static ValueSerdes registry(SerdeConfig config, RegistryPatience patience) {
        return new ValueSerdes() {
            @Override
            public <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic) {
                Serde<V> serde = topic.valueSerde(config);
                return Serdes.serdeFrom(ValueWriter.retrying(serde.serializer(), config, patience), serde.deserializer());
            }

            @Override
            public <V extends SpecificRecord> ValueReader<V> reader(Topic<V> topic) {
                return ValueReader.of(topic, config, patience);
            }
        };
    }
}
