package io.audiolens.aggregator.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A state store serde over {@link DataOutput}: exact (integers and IEEE doubles as they are), no registry. The
 * bytes are {@link java.io.DataOutputStream}'s format, written and read on plain arrays.
 */
public final class BinarySerde<T> implements Serde<T> {

    /** Writes one value. */
    public interface Writer<T> {
        void write(T value, DataOutput out) throws IOException;
    }

    /** Reads one value. */
    public interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private final Writer<T> writer;
    private final Reader<T> reader;
    private volatile int lastSize = 256; // a hint: the values of one store tend to be of one size

    public BinarySerde(Writer<T> writer, Reader<T> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    public static BinarySerde<GroupCounts> groupCounts() {
        return new BinarySerde<>((counts, out) -> counts.writeTo(out), GroupCounts::readFrom);
    }

    public static BinarySerde<EnrichmentCounts> enrichmentCounts() {
        return new BinarySerde<>((counts, out) -> counts.writeTo(out), EnrichmentCounts::readFrom);
    }

    public byte[] toBytes(T value) {
        ByteArrayDataOutput out = new ByteArrayDataOutput(lastSize);
        try {
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value, e);
        }
        lastSize = out.size();
        return out.toByteArray();
    }

    public T fromBytes(byte[] bytes) {
        try {
            return reader.read(new ByteArrayDataInput(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("stored state is truncated or corrupt (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
}
