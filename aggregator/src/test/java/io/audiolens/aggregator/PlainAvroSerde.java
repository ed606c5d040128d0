package io.audiolens.aggregator;

import io.audiolens.aggregator.topology.ValueSerdes;
import io.audiolens.schemas.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Avro binary without a registry, for topology tests that run without a broker. */
public final class PlainAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;

    public PlainAvroSerde(Class<T> type) {
        io.audiolens.schemas.topics.TrustedAvroClasses.trustAudioLensSchemas();
        this.writer = new SpecificDatumWriter<>(type);
        this.reader = new SpecificDatumReader<>(SpecificData.get().getSchema(type));
    }

    /** Every topic's values as plain Avro binary. */
    public static ValueSerdes everyTopic() {
        return new ValueSerdes() {
            @Override
            public <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic) {
                return new PlainAvroSerde<>(topic.valueType());
            }
        };
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            try {
                writer.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a " + reader.getSchema().getName() + ": " + e, e);
            }
        };
    }
}
