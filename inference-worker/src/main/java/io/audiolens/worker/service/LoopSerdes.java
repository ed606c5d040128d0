package io.audiolens.worker.service;

import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.ValueReader;
import io.audiolens.schemas.wire.ValueWriter;
import org.apache.avro.specific.SpecificRecord;

/** How the worker's loops read and write values: through {@code config}'s registry, asking it with {@code patience}. */
record LoopSerdes(SerdeConfig config, RegistryPatience patience) {

    <V extends SpecificRecord> ValueReader<V> reader(Topic<V> topic) {
        return ValueReader.of(topic, config, patience);
    }

    <V extends SpecificRecord> ValueWriter<V> writer(Topic<V> topic) {
        return ValueWriter.of(topic, config, patience);
    }
}
