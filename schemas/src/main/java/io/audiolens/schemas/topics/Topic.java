package io.audiolens.schemas.topics;

import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic with its serdes: String keys, Avro values of one generated record type in Confluent wire
 * format.
 */
public record Topic<V extends SpecificRecord>(TopicSpec spec, Class<V> valueType) {

    public String name() {
        return spec.name();
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /**
     * A new, configured value serde; the caller closes it (or the client it is handed to does). A registry
     * that refuses our credentials or cannot be reached fails with {@link io.audiolens.schemas.wire.RegistryUnavailableException}.
     */
    public Serde<V> valueSerde(SerdeConfig config) {
        return valueSerde(config, config.serdeProperties());
    }

    /**
     * {@link #valueSerde(SerdeConfig)} reading every value with Avro's own reader, as a client of another make does
     * (ours read projections with {@link io.audiolens.schemas.wire.LayerProjectionReader}): a benchmark's baseline.
     */
    public Serde<V> avroValueSerde(SerdeConfig config) {
        Map<String, Object> properties = new HashMap<>(config.serdeProperties());
        properties.put(CachingDatumProvider.AVRO_READERS_ONLY, true);
        return valueSerde(config, properties);
    }

    private Serde<V> valueSerde(SerdeConfig config, Map<String, Object> properties) {
        TrustedAvroClasses.trustAudioLensSchemas();
        AvroSerde<V> serde = new AvroSerde<>();
        serde.configure(properties, false);
        return new RegistryGuardedSerde<>(serde, config);
    }
}
