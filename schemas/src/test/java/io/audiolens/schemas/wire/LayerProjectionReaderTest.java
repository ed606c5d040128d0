package io.audiolens.schemas.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.TrustedAvroClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direct reader against Avro's own: equal records from the same bytes, whatever Avro's writer made of them. */
class LayerProjectionReaderTest {

    private static final Schema SCHEMA = LayerProjection.getClassSchema();
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 0.1 + 0.2};

    @BeforeAll
    static void trustOurClasses() { // not left to whichever test class ran before in this JVM
        TrustedAvroClasses.trustAudioLensSchemas();
    }

    @Test
    void shouldReadTheGeneratedClassesLayout() {
        assertEquals(LayerProjectionReader.WRITTEN_FOR, LayerProjectionReader.fingerprint(SCHEMA),
                "LayerProjection.avsc changed: bring LayerProjectionReader up to the new layout, then its WRITTEN_FOR"
                        + " to 0x" + Long.toHexString(LayerProjectionReader.fingerprint(SCHEMA)) + "L");
        assertTrue(LayerProjectionReader.reads(new Schema.Parser().parse(SCHEMA.toString())));
    }

    @Test
    void shouldDecodeWhatAvroDecodesFromPlainAndFromBlockedArrays() throws IOException {
        Random random = new Random(20261207);
        for (int i = 0; i < 400; i++) {
            LayerProjection projection = randomProjection(random);
            for (Encoding encoding : Encoding.values()) {
                byte[] bytes = encode(projection, encoding);
                LayerProjection avro = avroRead(bytes);
                LayerProjection direct = directRead(bytes);

                assertEquals(avro, direct, encoding + " record " + i);
                assertEquals(avro.hashCode(), direct.hashCode());
                assertEquals(avro.toString(), direct.toString());
                for (int l = 0; l < avro.getLayerProbs().size(); l++) {
                    assertArrayEquals(unboxed(avro.getLayerProbs().get(l)),
                            unboxedByUs(direct.getLayerProbs().get(l)), 0.0, "bit for bit, row " + l);
                }
            }
        }
    }

    @Test
    void shouldHandAJsonEncodedBodyToAvrosReader() throws IOException {
        LayerProjection projection = projection("s", "b", List.of("a", "b"),
                List.of(List.of(0.25, 0.75), List.of(0.5, 0.5)), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().jsonEncoder(SCHEMA, out);
        new SpecificDatumWriter<>(LayerProjection.class).write(projection, encoder);
        encoder.flush();

        LayerProjection read = new LayerProjectionReader().read(null,
                DecoderFactory.get().jsonDecoder(SCHEMA, out.toString(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals(projection, read);
    }

    @Test
    void shouldKeepEveryBitOfSpecialValuesAndRaggedRows() throws IOException {
        List<List<Double>> rows = List.of(boxed(SPECIAL), List.of(), List.of(0.5), boxed(new double[3000]));
        LayerProjection projection = projection("s", null, List.of("a", "b"), rows, 4);

        LayerProjection direct = directRead(encode(projection, Encoding.BLOCKED));

        assertInstanceOf(ProbabilityRows.class, direct.getLayerProbs());
        double[] first = unboxedByUs(direct.getLayerProbs().get(0));
        for (int i = 0; i < SPECIAL.length; i++) {
            assertEquals(Double.doubleToRawLongBits(SPECIAL[i]), Double.doubleToRawLongBits(first[i]), "value " + i);
        }
        assertEquals(List.of(4, SPECIAL.length, 0, 1, 3000), List.of(direct.getLayerProbs().size(),
                direct.getLayerProbs().get(0).size(), direct.getLayerProbs().get(1).size(),
                direct.getLayerProbs().get(2).size(), direct.getLayerProbs().get(3).size()));
        assertFalse(ProbabilityRows.allFinite(direct.getLayerProbs().get(0)));
        assertTrue(ProbabilityRows.allFinite(direct.getLayerProbs().get(3)));
        assertEquals(projection, direct);
        for (List<List<Double>> layerProbs : List.of(rows, direct.getLayerProbs())) { // Avro's lists and ours
            double[] into = new double[SPECIAL.length];
            ProbabilityRows.unboxInto(layerProbs.get(0), into);
            for (int i = 0; i < SPECIAL.length; i++) {
                assertEquals(Double.doubleToRawLongBits(SPECIAL[i]), Double.doubleToRawLongBits(into[i]), "into " + i);
            }
            assertThrows(IllegalArgumentException.class, () -> ProbabilityRows.unboxInto(layerProbs.get(2), into));
        }
    }

    @Test
    void shouldFailOnTruncatedOrCorruptBytesWithoutAllocatingWhatACountClaims() throws IOException {
        byte[] whole = encode(randomProjection(new Random(7)), Encoding.PLAIN);
        for (int cut = 0; cut < whole.length; cut += 13) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThrows(IOException.class, () -> directRead(truncated), "cut at " + cut);
        }
        // sampleId "s", model "m", attribute "a", enums 0 0 0, label null, labels [], then a block of 2^30 rows of
        // 2^30 values each, and nothing after: the reader must fail at the end of the bytes, not allocate 8 EiB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeString("s");
        encoder.writeString("m");
        encoder.writeString("a");
        encoder.writeEnum(0);
        encoder.writeEnum(0);
        encoder.writeEnum(0);
        encoder.writeIndex(0);
        encoder.writeArrayStart();
        encoder.setItemCount(0);
        encoder.writeArrayEnd();
        encoder.writeLong(1L << 30);
        encoder.writeLong(1L << 30);
        encoder.writeDouble(0.25);
        encoder.flush();
        assertThrows(IOException.class, () -> directRead(out.toByteArray()));
    }

    @Test
    void shouldRefuseASymbolOrBranchOutsideTheSchema() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeString("s");
        encoder.writeString("m");
        encoder.writeString("a");
        encoder.writeEnum(PromptFormat.values().length);
        encoder.flush();

        assertTrue(assertThrows(RuntimeException.class, () -> directRead(out.toByteArray())).getMessage()
                .contains("prompt has symbol index " + PromptFormat.values().length));
    }

    @Test
    void shouldLeaveAnotherWritersLayoutToAvro() {
        Schema withoutLabel = SchemaBuilder.record(SCHEMA.getName()).namespace(SCHEMA.getNamespace()).fields()
                .name("sampleId").type().stringType().noDefault().endRecord();

        assertFalse(LayerProjectionReader.reads(withoutLabel));
        assertThrows(IllegalArgumentException.class, () -> new LayerProjectionReader().setSchema(withoutLabel));
    }

    private enum Encoding { PLAIN, BLOCKED }

    private static LayerProjection randomProjection(Random random) {
        int labelCount = random.nextInt(12);
        List<String> labels = new ArrayList<>();
        for (int y = 0; y < labelCount; y++) {
            labels.add(random.nextInt(5) == 0 ? "läbel-" + y + "-\u00e9\u4e2d\ud83d\udd0a" : "label" + y);
        }
        int layers = random.nextInt(5) == 0 ? random.nextInt(3) : 1 + random.nextInt(40);
        List<List<Double>> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int width = random.nextInt(8) == 0 ? random.nextInt(30) : labelCount;
            double[] row = new double[width];
            for (int y = 0; y < width; y++) {
                row[y] = random.nextInt(20) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : random.nextDouble();
            }
            rows.add(boxed(row));
        }
        String label = random.nextBoolean() || labels.isEmpty() ? null : labels.get(random.nextInt(labels.size()));
        return projection("sample/" + random.nextInt(), label, labels, rows, random.nextInt(100) - 5);
    }

    private static LayerProjection projection(String sampleId, String label, List<String> labels,
            List<List<Double>> rows, int layers) {
        return LayerProjection.newBuilder().setSampleId(sampleId).setModel("qwen2-audio").setAttribute("gender")
                .setPrompt(PromptFormat.values()[Math.floorMod(sampleId.hashCode(), PromptFormat.values().length)])
                .setView(View.values()[Math.floorMod(layers, View.values().length)])
                .setSplit(Split.values()[Math.floorMod(labels.size(), Split.values().length)])
                .setLabel(label).setLabels(labels).setLayerProbs(rows).setModelPrediction("p").setLayers(layers).build();
    }

    private static byte[] encode(LayerProjection projection, Encoding encoding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = encoding == Encoding.PLAIN ? EncoderFactory.get().binaryEncoder(out, null)
                // blocks of at most 64 bytes: arrays in many blocks, each with a negative count and its byte size
                : new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null);
        new SpecificDatumWriter<>(LayerProjection.class).write(projection, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static LayerProjection avroRead(byte[] bytes) throws IOException {
        return new SpecificDatumReader<>(LayerProjection.class).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static LayerProjection directRead(byte[] bytes) throws IOException {
        LayerProjectionReader reader = new LayerProjectionReader();
        reader.setSchema(SCHEMA);
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Through {@link ProbabilityRows#unboxInto}, the aggregator's copy of a row. */
    private static double[] unboxedByUs(List<Double> row) {
        double[] into = new double[row.size()];
        ProbabilityRows.unboxInto(row, into);
        return into;
    }
}
