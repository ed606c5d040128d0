package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.metrics.GroupPoint;
import io.audiolens.aggregator.state.BinarySerde;
import io.audiolens.schemas.PromptFormat;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The correlation processor's state: one model's view LAST groups, as last published. */
final class ModelPoints {

    private final List<GroupPoint> points;

    ModelPoints(List<GroupPoint> points) {
        this.points = List.copyOf(points);
    }

    /** These points with {@code point} replacing the one of the same attribute and prompt. */
    ModelPoints with(GroupPoint point) {
        List<GroupPoint> updated = new ArrayList<>(points);
        updated.removeIf(p -> p.attribute().equals(point.attribute()) && p.prompt() == point.prompt());
        updated.add(point);
        return new ModelPoints(updated);
    }

    List<GroupPoint> points() {
        return points;
    }

    static BinarySerde<ModelPoints> serde() {
        return new BinarySerde<>(ModelPoints::write, ModelPoints::read);
    }

    private static void write(ModelPoints value, DataOutput out) throws IOException {
        out.writeInt(value.points.size());
        for (GroupPoint point : value.points) {
            out.writeUTF(point.attribute());
            out.writeByte(point.prompt().ordinal());
            writeNullable(point.criticalLayer(), out);
            writeNullable(point.accuracy(), out);
        }
    }

    private static ModelPoints read(DataInput in) throws IOException {
        int size = in.readInt();
        List<GroupPoint> points = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            points.add(new GroupPoint(in.readUTF(), PromptFormat.values()[in.readByte()], readNullable(in),
                    readNullable(in)));
        }
        return new ModelPoints(points);
    }

    private static void writeNullable(Double value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
