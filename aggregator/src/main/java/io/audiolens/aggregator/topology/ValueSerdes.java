package io.audiolens.aggregator.topology;

import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Where the topology gets its Avro value serdes: the schema registry, or a registry-free stand-in in tests. */
@FunctionalInterface
public interface ValueSerdes {

    <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic);

    /** {@link Topic#valueSerde}: Confluent wire format through the registry. */
    static ValueSerdes registry(SerdeConfig config) {
        return new ValueSerdes() {
            @Override
            public <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic) {
                return topic.valueSerde(config);
            }
        };
    }
}
