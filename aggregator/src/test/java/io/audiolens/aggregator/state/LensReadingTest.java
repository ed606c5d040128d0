package io.audiolens.aggregator.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.topics.TrustedAvroClasses;
import io.audiolens.schemas.wire.LayerProjectionReader;
import io.audiolens.schemas.wire.ProbabilityRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The lens reading against a longhand of its formulas, row by row with fresh arrays and {@code log |Y|} taken per
 * row, as the aggregator computed it before it kept two scratch rows: equal bit for bit (integer millionths, which
 * the metrics sum), on random rows with ties, zeros, underflow and all-zero rows, decoded by Avro's list or by our
 * reader's primitive rows.
 */
class LensReadingTest {

    @Test
    void shouldReadEveryRowAsTheLonghandDoes() throws IOException {
        Random random = new Random(20261207);
        for (int n = 0; n < 3000; n++) {
            int layers = 1 + random.nextInt(40);
            int labels = 2 + random.nextInt(11);
            List<List<Double>> rows = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                rows.add(row(random, labels));
            }
            LensReading expected = longhand(rows);

            assertSame(expected, LensReading.of(rows), "lists, projection " + n);
            List<List<Double>> decoded = decoded(rows).getLayerProbs();
            assertInstanceOf(ProbabilityRows.class, decoded);
            assertSame(expected, LensReading.of(decoded), "primitive rows, projection " + n);
        }
    }

    @Test
    void shouldReadAHandWorkedRow() {
        // 0.5, 0.25, 0.25 of 1.0: answer 0, margin 0.25, entropy (1.5 ln 2) / ln 3 = 0.946394...
        LensReading reading = LensReading.of(List.of(List.of(0.25, 0.5, 0.25), List.of(0.2, 0.1, 0.1)));
        assertEquals(0, reading.answer());
        assertArrayEquals(new int[] {1, 0}, reading.readout());
        assertEquals(2, reading.settleLayer());
        assertEquals(Math.round(0.25 * 1e6), reading.marginMicros());
        assertArrayEquals(new long[] {946395, 946395}, reading.entropyMicros());
    }

    private static void assertSame(LensReading expected, LensReading actual, String what) {
        assertEquals(expected.answer(), actual.answer(), what);
        assertArrayEquals(expected.readout(), actual.readout(), what);
        assertEquals(expected.settleLayer(), actual.settleLayer(), what);
        assertEquals(expected.marginMicros(), actual.marginMicros(), what);
        assertArrayEquals(expected.entropyMicros(), actual.entropyMicros(), what);
    }

    private static List<Double> row(Random random, int labels) {
        int kind = random.nextInt(10);
        List<Double> row = new ArrayList<>(labels);
        for (int y = 0; y < labels; y++) {
            row.add(switch (kind) {
                case 0 -> 0.0; // every label's probability underflowed
                case 1 -> random.nextInt(3) * 0.125; // ties and exact zeros
                case 2 -> random.nextDouble() * 1e-300; // near the bottom of the doubles
                default -> random.nextDouble() * (random.nextBoolean() ? 1.0 : 1e-6);
            });
        }
        return row;
    }

    /** What {@link LensReading#of(List)} computed before: per row an unboxed copy, a renormalised copy, log |Y|. */
    private static LensReading longhand(List<List<Double>> layerProbs) {
        int layers = layerProbs.size();
        int[] readout = new int[layers];
        long[] entropy = new long[layers];
        double[] q = null;
        for (int l = 0; l < layers; l++) {
            double[] row = layerProbs.get(l).stream().mapToDouble(Double::doubleValue).toArray();
            int best = 0;
            for (int y = 1; y < row.length; y++) {
                if (row[y] > row[best]) {
                    best = y;
                }
            }
            readout[l] = best;
            double sum = 0;
            for (double p : row) {
                sum += p;
            }
            q = new double[row.length];
            for (int y = 0; y < q.length; y++) {
                q[y] = sum > 0 ? row[y] / sum : 1.0 / q.length;
            }
            double h = 0;
            for (double p : q) {
                if (p > 0) {
                    h -= p * Math.log(p);
                }
            }
            entropy[l] = Math.round(Math.min(1.0, h / Math.log(q.length)) * 1e6);
        }
        int answer = readout[layers - 1];
        int settle = layers;
        while (settle > 1 && readout[settle - 2] == answer) {
            settle--;
        }
        double runnerUp = 0;
        for (int y = 0; y < q.length; y++) {
            if (y != answer) {
                runnerUp = Math.max(runnerUp, q[y]);
            }
        }
        return new LensReading(answer, readout, settle, Math.round((q[answer] - runnerUp) * 1e6), entropy);
    }

    /** The rows written by Avro and read back by the aggregator's reader, as {@link ProbabilityRows}. */
    private static LayerProjection decoded(List<List<Double>> rows) throws IOException {
        TrustedAvroClasses.trustAudioLensSchemas();
        List<String> labels = new ArrayList<>();
        for (int y = 0; y < rows.get(0).size(); y++) {
            labels.add("label" + y);
        }
        LayerProjection projection = LayerProjection.newBuilder().setSampleId("s").setModel("m").setAttribute("a")
                .setPrompt(PromptFormat.values()[0]).setView(View.LAST).setSplit(Split.values()[0]).setLabel(null)
                .setLabels(labels).setLayerProbs(rows).setModelPrediction(labels.get(0)).setLayers(rows.size())
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(LayerProjection.class).write(projection, encoder);
        encoder.flush();
        return new LayerProjectionReader().read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
