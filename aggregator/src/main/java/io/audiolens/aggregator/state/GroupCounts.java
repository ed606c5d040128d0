package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the aggregator keeps about one group: integer counts only. Per-layer hits over all labelled
 * samples and split by whether the model answered right, the same over the probe set (the first
 * probe-size labelled PROBE samples), per-layer agreement with the model's answer for unlabelled ones, and
 * the label-free readings of every sample, labelled or not.
 */
public final class GroupCounts {

    private static final byte FORMAT = 2;

    private final GroupKey group;
    private final List<String> labels; // (Y)
    private final LayerHits all;
    private final LayerHits correct;
    private final LayerHits incorrect;
    private final LayerHits probe;
    private final LayerHits probeCorrect;
    private final LayerHits probeIncorrect;
    private final LayerHits unlabelled; // hits: the layer's readout is the model's own answer
    private final ReadingCounts readings;
    private long duplicates;

    private GroupCounts(GroupKey group, List<String> labels, LayerHits[] hits, ReadingCounts readings, long duplicates) {
        this.group = group;
        this.labels = List.copyOf(labels);
        this.all = hits[0];
        this.correct = hits[1];
        this.incorrect = hits[2];
        this.probe = hits[3];
        this.probeCorrect = hits[4];
        this.probeIncorrect = hits[5];
        this.unlabelled = hits[6];
        this.readings = readings;
        this.duplicates = duplicates;
    }

    /** No samples yet, for the group, labels and layer count of {@code first}. */
    public static GroupCounts empty(LayerProjection first) {
        LayerHits[] hits = new LayerHits[7];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new LayerHits(first.getLayers());
        }
        return new GroupCounts(GroupKey.of(first), first.getLabels(), hits,
                ReadingCounts.empty(first.getLabels().size(), first.getLayers()), 0);
    }

    /** Whether the projection carries ground truth; unlabelled ones only count towards agreement. */
    private static boolean isLabelled(LayerProjection projection) {
        return projection.getLabel() != null && projection.getSplit() != Split.UNLABELLED;
    }

    /** Counts a valid projection not seen before; true when it was the one that completed the probe set. */
    boolean add(LayerProjection projection, int probeSize) {
        LensReading reading = LensReading.of(projection);
        int[] readout = reading.readout();
        readings.add(reading);
        if (!isLabelled(projection)) {
            unlabelled.add(readout, labels.indexOf(projection.getModelPrediction()));
            return false;
        }
        int label = labels.indexOf(projection.getLabel());
        boolean modelRight = projection.getModelPrediction().equals(projection.getLabel());
        all.add(readout, label);
        (modelRight ? correct : incorrect).add(readout, label);
        if (projection.getSplit() != Split.PROBE || probe.samples() >= probeSize) {
            return false;
        }
        probe.add(readout, label);
        (modelRight ? probeCorrect : probeIncorrect).add(readout, label);
        return probe.samples() == probeSize;
    }

    void countDuplicate() {
        duplicates++;
    }

    public GroupKey group() { return group; }
    public List<String> labels() { return labels; }
    public int layers() { return all.layers(); }
    public LayerHits all() { return all; }
    public LayerHits correct() { return correct; }
    public LayerHits incorrect() { return incorrect; }
    public LayerHits probe() { return probe; }
    public LayerHits probeCorrect() { return probeCorrect; }
    public LayerHits probeIncorrect() { return probeIncorrect; }
    public LayerHits unlabelled() { return unlabelled; }
    public ReadingCounts readings() { return readings; }
    public long duplicates() { return duplicates; }

    void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(group.model());
        out.writeUTF(group.attribute());
        out.writeByte(group.prompt().ordinal());
        out.writeByte(group.view().ordinal());
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(layers());
        for (LayerHits hits : List.of(all, correct, incorrect, probe, probeCorrect, probeIncorrect, unlabelled)) {
            hits.writeTo(out);
        }
        readings.writeTo(out);
        out.writeLong(duplicates);
    }

    static GroupCounts readFrom(DataInput in) throws IOException {
        StateFormat.expect(FORMAT, in.readByte(), "group counts");
        GroupKey group = new GroupKey(in.readUTF(), in.readUTF(), PromptFormat.values()[in.readByte()],
                View.values()[in.readByte()]);
        int labelCount = in.readInt();
        List<String> labels = new ArrayList<>(labelCount);
        for (int y = 0; y < labelCount; y++) {
            labels.add(in.readUTF());
        }
        int layers = in.readInt();
        LayerHits[] hits = new LayerHits[7];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = LayerHits.readFrom(in, layers);
        }
        return new GroupCounts(group, labels, hits, ReadingCounts.readFrom(in), in.readLong());
    }
}
