package io.audiolens.schemas.wire;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A {@code LayerProjection}'s {@code layerProbs} held in one primitive array instead of a list per row: what {@link
 * LayerProjectionReader} decodes into. It is an ordinary read-only {@code List<List<Double>>} to everything that
 * takes one (equality, hash code, Avro's writer, JSON); the hot readers take each row as a {@code double[]} through
 * {@link #unboxInto(List, double[])}. Rows may differ in length, as a malformed record's do (the aggregator's check dead-letters
 * those).
 */
public final class ProbabilityRows extends AbstractList<List<Double>> implements RandomAccess {

    private final double[] values;
    /** (rows + 1): row r is values[starts[r], starts[r + 1]). */
    private final int[] starts;

    ProbabilityRows(double[] values, int[] starts) {
        this.values = values;
        this.starts = starts;
    }

    @Override
    public List<Double> get(int row) {
        return new Row(values, starts[row], starts[row + 1]);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    /**
     * The row's values unboxed into {@code into}, which has the row's length (the hot readers reuse one array for
     * every row): a copy of the primitive slice when it is one of ours, else unboxed one by one.
     */
    public static void unboxInto(List<Double> row, double[] into) {
        if (into.length != row.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " values into " + into.length + " places");
        }
        if (row instanceof Row slice) {
            System.arraycopy(slice.values, slice.from, into, 0, into.length);
            return;
        }
        for (int i = 0; i < into.length; i++) {
            into[i] = row.get(i);
        }
    }

    /** Whether every value is a finite number (and none is null, which a list decoded by Avro may not hold either). */
    public static boolean allFinite(List<Double> row) {
        if (row instanceof Row slice) {
            for (int i = slice.from; i < slice.to; i++) {
                if (!Double.isFinite(slice.values[i])) {
                    return false;
                }
            }
            return true;
        }
        for (Double value : row) { // a loop, not a stream: this runs for every value of every record
            if (value == null || !Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static final class Row extends AbstractList<Double> implements RandomAccess {
        private final double[] values;
        private final int from;
        private final int to;

        Row(double[] values, int from, int to) {
            this.values = values;
            this.from = from;
            this.to = to;
        }

        @Override
        public Double get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException("index " + index + " of a row of " + (to - from));
            }
            return values[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
