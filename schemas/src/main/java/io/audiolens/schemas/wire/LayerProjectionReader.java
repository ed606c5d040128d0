package io.audiolens.schemas.wire;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Decodes a {@link LayerProjection} written with the schema this reader was written for, field by field, the
 * probabilities copied in blocks straight into one {@code double[]} ({@link ProbabilityRows}). Avro's own reader
 * goes through a reader object per field and a list object per row (33 lists, one value at a time, for 32 layers and
 * 9 labels); in the aggregator that decoding was a quarter of the stream thread, and a consumer decoding this way
 * takes about half the CPU per record ({@code bench aggregator}: 3.3–4.4 µs against 7.0–7.9 µs). The result is
 * equal to Avro's ({@code equals}) for every record, which {@code LayerProjectionReaderTest} checks against Avro's
 * reader on random and edge-case records. Binary encoding only: a JSON-encoded body goes to Avro's reader.
 *
 * <p>Only a writer schema with the same parsing canonical form (the binary layout: names, types, order, symbols)
 * as the one below is read here ({@link #reads(Schema)}); any other writer, an older or a newer one, goes to Avro's
 * resolving reader. If {@code LayerProjection.avsc} changes, this reader steps aside by itself until it is brought
 * up to date ({@link #WRITTEN_FOR} names the layout it reads; a test fails meanwhile).
 */
public final class LayerProjectionReader implements DatumReader<LayerProjection> {

    /** The parsing fingerprint of the layout read below: sampleId ... layers, in LayerProjection.avsc's order. */
    static final long WRITTEN_FOR = 0x9fc5acf6d58ddc8eL;
    private static final boolean CLASS_SCHEMA_READ = fingerprint(LayerProjection.getClassSchema()) == WRITTEN_FOR;
    /** Doubles are copied out of the decoder this many at a time (a bounded scratch buffer, whatever a count says). */
    private static final int CHUNK = 1024;
    /** At most this many values or rows are allocated ahead of the bytes that hold them (a count may be corrupt). */
    private static final int GUESS_LIMIT = 1 << 16;
    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final PromptFormat[] PROMPTS = PromptFormat.values();
    private static final View[] VIEWS = View.values();
    private static final Split[] SPLITS = Split.values();

    /** For a body in another encoding (JSON): built once, as the provider keeps this reader. */
    private final DatumReader<LayerProjection> avro = new SpecificDatumReader<>(LayerProjection.class);

    /** Whether records written with {@code writer} are read by this reader (else by Avro's). */
    public static boolean reads(Schema writer) {
        return CLASS_SCHEMA_READ && fingerprint(writer) == WRITTEN_FOR;
    }

    static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public void setSchema(Schema schema) {
        if (!reads(schema)) {
            throw new IllegalArgumentException("LayerProjectionReader reads one layout only, not " + schema);
        }
    }

    @Override
    public LayerProjection read(LayerProjection reuse, Decoder in) throws IOException {
        if (!(in instanceof BinaryDecoder)) {
            return avro.read(reuse, in);
        }
        LayerProjection p = new LayerProjection();
        p.setSampleId(in.readString());
        p.setModel(in.readString());
        p.setAttribute(in.readString());
        p.setPrompt(symbol(PROMPTS, in.readEnum(), "prompt"));
        p.setView(symbol(VIEWS, in.readEnum(), "view"));
        p.setSplit(symbol(SPLITS, in.readEnum(), "split"));
        p.setLabel(nullableString(in));
        p.setLabels(strings(in));
        p.setLayerProbs(probabilities(in));
        p.setModelPrediction(in.readString());
        p.setLayers(in.readInt());
        return p;
    }

    private static <E> E symbol(E[] symbols, int index, String field) {
        if (index < 0 || index >= symbols.length) {
            throw new AvroTypeException(field + " has symbol index " + index + " of " + symbols.length);
        }
        return symbols[index];
    }

    private static String nullableString(Decoder in) throws IOException {
        int branch = in.readIndex();
        return switch (branch) {
            case 0 -> {
                in.readNull();
                yield null;
            }
            case 1 -> in.readString();
            default -> throw new AvroTypeException("label has union branch " + branch + " of 2");
        };
    }

    private static List<String> strings(Decoder in) throws IOException {
        List<String> strings = new ArrayList<>();
        for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                strings.add(in.readString());
            }
        }
        return strings;
    }

    private static ProbabilityRows probabilities(Decoder in) throws IOException {
        double[] values = new double[0];
        int[] starts = new int[1];
        int rows = 0;
        int size = 0;
        byte[] scratch = null;
        for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
            if (starts.length - rows <= block) {
                starts = Arrays.copyOf(starts, (int) Math.min(rows + block + 1, rows + GUESS_LIMIT));
            }
            for (long r = 0; r < block; r++) {
                for (long count = in.readArrayStart(); count != 0; count = in.arrayNext()) {
                    for (long left = count; left > 0; ) {
                        int chunk = (int) Math.min(left, CHUNK);
                        if (scratch == null || scratch.length < chunk * Double.BYTES) {
                            scratch = new byte[Math.max(chunk, 16) * Double.BYTES];
                        }
                        in.readFixed(scratch, 0, chunk * Double.BYTES); // fails at the end of the data first
                        if (values.length - size < chunk) { // the first time: room for this block of rows like this one
                            values = Arrays.copyOf(values, (int) Math.max(values.length * 2L,
                                    Math.min(Math.max(block * chunk, size + chunk), GUESS_LIMIT)));
                        }
                        for (int i = 0; i < chunk; i++) {
                            values[size++] = (double) DOUBLE_LE.get(scratch, i * Double.BYTES);
                        }
                        left -= chunk;
                    }
                }
                if (++rows == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[rows] = size;
            }
        }
        return new ProbabilityRows(values, starts.length == rows + 1 ? starts : Arrays.copyOf(starts, rows + 1));
    }
}
