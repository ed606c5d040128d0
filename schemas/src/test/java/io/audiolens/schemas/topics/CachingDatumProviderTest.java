package io.audiolens.schemas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.wire.LayerProjectionReader;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** One reader per writer schema, reused, decoding each writer's records into our generated class. */
class CachingDatumProviderTest {

    @Test
    void shouldReuseOneReaderPerWriterSchemaAndResolveEachWriterRight() throws Exception {
        TrustedAvroClasses.trustAudioLensSchemas();
        CachingDatumProvider<Object> provider = new CachingDatumProvider<>();
        provider.configure(new AvroKafkaSerdeConfig(Map.of(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true)));
        LayerProjection projection = LayerProjection.newBuilder()
                .setSampleId("s/1").setModel("m").setAttribute("gender").setPrompt(PromptFormat.P1)
                .setView(View.LAST).setSplit(Split.TEST).setLabel("male").setLabels(List.of("male", "female"))
                .setLayerProbs(List.of(List.of(0.75, 0.25))).setModelPrediction("male").setLayers(1).build();
        Schema current = LayerProjection.getClassSchema();
        // an older writer: the same record without the field "label" (default null)
        Schema older = withoutField(current, "label");

        DatumReader<Object> first = provider.createDatumReader(current);
        DatumReader<Object> again = provider.createDatumReader(new Schema.Parser().parse(current.toString()));
        DatumReader<Object> forOlder = provider.createDatumReader(older);

        assertSame(first, again, "an equal schema, parsed anew, finds the same reader");
        assertNotSame(first, forOlder);
        assertInstanceOf(LayerProjectionReader.class, first, "the class's own layout is read directly");
        assertFalse(LayerProjectionReader.class.isInstance(forOlder), "an older writer goes to Avro's resolving reader");
        for (int i = 0; i < 3; i++) {
            assertEquals(projection, first.read(null, DecoderFactory.get().binaryDecoder(encode(projection, current), null)));
        }
        GenericRecord old = new GenericData.Record(older);
        older.getFields().forEach(f -> old.put(f.name(), GenericData.get().deepCopy(f.schema(), projection.get(f.name()))));
        Object decoded = forOlder.read(null, DecoderFactory.get().binaryDecoder(encode(old, older), null));
        assertEquals(LayerProjection.newBuilder(projection).setLabel(null).build(), decoded);
    }

    @Test
    void shouldReadWithAvroOnlyWhenToldTo() {
        TrustedAvroClasses.trustAudioLensSchemas();
        CachingDatumProvider<Object> provider = new CachingDatumProvider<>();
        provider.configure(new AvroKafkaSerdeConfig(Map.of(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true,
                CachingDatumProvider.AVRO_READERS_ONLY, true)));

        assertFalse(LayerProjectionReader.class.isInstance(provider.createDatumReader(LayerProjection.getClassSchema())));
    }

    private static Schema withoutField(Schema schema, String name) {
        var fields = SchemaBuilder.record(schema.getName()).namespace(schema.getNamespace()).fields();
        for (Schema.Field f : schema.getFields()) {
            if (!f.name().equals(name)) {
                fields = fields.name(f.name()).type(f.schema()).noDefault();
            }
        }
        return fields.endRecord();
    }

    private static byte[] encode(Object record, Schema schema) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<Object>(schema, org.apache.avro.specific.SpecificData.get()).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }
}
