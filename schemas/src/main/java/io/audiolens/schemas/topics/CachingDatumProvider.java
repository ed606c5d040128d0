package io.audiolens.schemas.topics;

import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.audiolens.schemas.wire.LayerProjectionReader;
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
 *
 * <p>Projections written with the generated class's own layout are read by {@link LayerProjectionReader} (the
 * probabilities into one primitive array), unless the serde is configured with {@link #AVRO_READERS_ONLY}.
 */
public final class CachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** A serde property: {@code true} reads every record with Avro's own reader (as clients of other makes do). */
    public static final String AVRO_READERS_ONLY = "audiolens.avro.readers-only";

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    /** Set by {@link #configure}: specific records wanted, and not Avro's readers only. */
    private boolean directReaders;

    @Override
    public void configure(AvroKafkaSerdeConfig config) {
        super.configure(config);
        directReaders = config.useSpecificAvroReader()
                && !Boolean.parseBoolean(String.valueOf(config.originals().get(AVRO_READERS_ONLY)));
    }

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        return readers.computeIfAbsent(writerSchema, this::newReader);
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        return writers.computeIfAbsent(schema, s -> super.createDatumWriter(data, s));
    }

    @SuppressWarnings("unchecked") // a specific reader of the writer's record: LayerProjection for this layout
    private DatumReader<T> newReader(Schema writerSchema) {
        return directReaders && LayerProjectionReader.reads(writerSchema)
                ? (DatumReader<T>) new LayerProjectionReader() : super.createDatumReader(writerSchema);
    }
}
