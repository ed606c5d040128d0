package io.audiolens.schemas.topics;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

/**
 * Apicurio's datum provider, with one reader and one writer per writer schema kept for the life of the serde.
 * Apicurio asks for a new {@code DatumReader} on every record, and a fresh specific reader resolves the
 * writer's schema against the generated class's again: on the aggregator that resolution cost more than
 * decoding the record. Avro's datum readers and writers are safe to share once built.
 */
public final class CachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        return readers.computeIfAbsent(writerSchema, super::createDatumReader);
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        return writers.computeIfAbsent(schema, s -> super.createDatumWriter(data, s));
    }
}
