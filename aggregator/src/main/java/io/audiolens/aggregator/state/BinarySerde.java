package io.audiolens.aggregator.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A state store serde over {@link DataOutput}: exact (integers and IEEE doubles as they are), no registry. */
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value, e);
        }
        return bytes.toByteArray();
    }

    public T fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
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
