package io.audiolens.aggregator.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The label-free readings of a set of projections as integer counts: samples, answers per label,
 * per-layer agreement with the answer, the settle-layer histogram, and margin and entropy sums in
 * millionths. Counts of disjoint sets add up to the counts of their union, exactly.
 */
public final class ReadingCounts {

    private long samples;
    private final long[] answers; // (Y)
    private final long[] agreementHits; // (L)
    private final long[] settleLayers; // (L): index l - 1 counts settle layer l
    private long marginMicros;
    private final long[] entropyMicros; // (L)

    public ReadingCounts(long samples, long[] answers, long[] agreementHits, long[] settleLayers, long marginMicros,
            long[] entropyMicros) {
        if (agreementHits.length != settleLayers.length || agreementHits.length != entropyMicros.length) {
            throw new IllegalArgumentException("agreement, settle layers and entropy must have one entry per layer, got "
                    + agreementHits.length + ", " + settleLayers.length + " and " + entropyMicros.length);
        }
        this.samples = samples;
        this.answers = answers.clone();
        this.agreementHits = agreementHits.clone();
        this.settleLayers = settleLayers.clone();
        this.marginMicros = marginMicros;
        this.entropyMicros = entropyMicros.clone();
    }

    public static ReadingCounts empty(int labels, int layers) {
        return new ReadingCounts(0, new long[labels], new long[layers], new long[layers], 0, new long[layers]);
    }

    public void add(LensReading reading) {
        samples++;
        answers[reading.answer()]++;
        for (int l = 0; l < agreementHits.length; l++) {
            if (reading.readout()[l] == reading.answer()) {
                agreementHits[l]++;
            }
            entropyMicros[l] += reading.entropyMicros()[l];
        }
        settleLayers[reading.settleLayer() - 1]++;
        marginMicros += reading.marginMicros();
    }

    /** These counts and {@code other}'s, of a set disjoint from this one. */
    public ReadingCounts plus(ReadingCounts other) {
        requireSameShape(other);
        return new ReadingCounts(samples + other.samples, sum(answers, other.answers),
                sum(agreementHits, other.agreementHits), sum(settleLayers, other.settleLayers),
                marginMicros + other.marginMicros, sum(entropyMicros, other.entropyMicros));
    }

    /** Whether {@code other} counts the same labels and layers. */
    public boolean hasShapeOf(int labels, int layers) {
        return answers.length == labels && agreementHits.length == layers;
    }

    public long samples() { return samples; }
    public long[] answers() { return answers.clone(); }
    public long[] agreementHits() { return agreementHits.clone(); }
    public long[] settleLayers() { return settleLayers.clone(); }
    public long marginMicros() { return marginMicros; }
    public long[] entropyMicros() { return entropyMicros.clone(); }
    public int labels() { return answers.length; }
    public int layers() { return agreementHits.length; }

    private void requireSameShape(ReadingCounts other) {
        if (!hasShapeOf(other.labels(), other.layers())) {
            throw new IllegalArgumentException("cannot add readings of " + other.labels() + " labels × " + other.layers()
                    + " layers to readings of " + labels() + " × " + layers());
        }
    }

    private static long[] sum(long[] a, long[] b) {
        long[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(samples);
        writeArray(answers, out);
        writeArray(agreementHits, out);
        writeArray(settleLayers, out);
        out.writeLong(marginMicros);
        writeArray(entropyMicros, out);
    }

    public static ReadingCounts readFrom(DataInput in) throws IOException {
        return new ReadingCounts(in.readLong(), readArray(in), readArray(in), readArray(in), in.readLong(), readArray(in));
    }

    private static void writeArray(long[] values, DataOutput out) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readArray(DataInput in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadingCounts other && samples == other.samples && marginMicros == other.marginMicros
                && Arrays.equals(answers, other.answers) && Arrays.equals(agreementHits, other.agreementHits)
                && Arrays.equals(settleLayers, other.settleLayers) && Arrays.equals(entropyMicros, other.entropyMicros);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(samples) * 31 + Arrays.hashCode(answers);
    }
}
