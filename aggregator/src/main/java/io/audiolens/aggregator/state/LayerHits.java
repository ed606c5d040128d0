package io.audiolens.aggregator.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/** Over one set of samples: how many, and per layer how many of them the lens read as {@code target}. */
public final class LayerHits {

    private long samples;
    private final long[] hits; // (L)

    LayerHits(int layers) {
        this(0, new long[layers]);
    }

    private LayerHits(long samples, long[] hits) {
        this.samples = samples;
        this.hits = hits;
    }

    /** Counts one sample whose lens read {@code readout[l]} at layer l, scored against {@code target}. */
    void add(int[] readout, int target) {
        samples++;
        for (int l = 0; l < hits.length; l++) {
            if (readout[l] == target) {
                hits[l]++;
            }
        }
    }

    public long samples() {
        return samples;
    }

    public int layers() {
        return hits.length;
    }

    /** (L): hits / samples per layer; every entry null while there are no samples. */
    public List<Double> fractions() {
        if (samples == 0) {
            return Collections.nCopies(hits.length, null);
        }
        List<Double> fractions = new ArrayList<>(hits.length);
        for (long hit : hits) {
            fractions.add((double) hit / samples);
        }
        return fractions;
    }

    /** The 1-based layer with the most hits, the lowest on ties; empty while there are no samples. */
    public OptionalInt bestLayer() {
        if (samples == 0) {
            return OptionalInt.empty();
        }
        int best = 0;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        return OptionalInt.of(best + 1);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(samples);
        for (long hit : hits) {
            out.writeLong(hit);
        }
    }

    static LayerHits readFrom(DataInput in, int layers) throws IOException {
        long samples = in.readLong();
        long[] hits = new long[layers];
        for (int l = 0; l < layers; l++) {
            hits[l] = in.readLong();
        }
        return new LayerHits(samples, hits);
    }
}
