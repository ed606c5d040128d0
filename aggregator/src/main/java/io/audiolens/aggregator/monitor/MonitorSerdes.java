package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.BinarySerde;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.aggregator.state.StateFormat;
import io.audiolens.schemas.AlertKind;
import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import io.audiolens.schemas.WindowStatus;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The monitor's state-store serdes: exact binary, a format byte first. */
public final class MonitorSerdes {

    private static final byte GROUP_FORMAT = 1;
    private static final byte WINDOW_FORMAT = 1;

    private MonitorSerdes() {
    }

    public static BinarySerde<GroupMonitor> groups() {
        return new BinarySerde<>(MonitorSerdes::writeGroup, MonitorSerdes::readGroup);
    }

    public static BinarySerde<WindowState> windows() {
        return new BinarySerde<>(MonitorSerdes::writeWindow, MonitorSerdes::readWindow);
    }

    private static void writeGroup(GroupMonitor g, DataOutput out) throws IOException {
        out.writeByte(GROUP_FORMAT);
        out.writeUTF(g.group().model());
        out.writeUTF(g.group().attribute());
        out.writeByte(g.group().prompt().ordinal());
        out.writeByte(g.group().view().ordinal());
        out.writeInt(g.labels().size());
        for (String label : g.labels()) {
            out.writeUTF(label);
        }
        out.writeInt(g.layers());
        out.writeLong(g.closedThrough());
        out.writeLong(g.latestStart());
        g.firstWindows().writeTo(out);
        out.writeInt(g.firstWindowCount());
        out.writeLong(g.firstWindowStart());
        out.writeLong(g.lastBaselineWindowEnd());
        for (DriftSignal signal : DriftSignal.values()) {
            SignalRun run = g.run(signal);
            out.writeBoolean(run.active());
            out.writeInt(run.run());
            out.writeLong(run.runStart());
        }
        out.writeLong(g.late());
        out.writeInt(g.alerts().size());
        for (AlertNote alert : g.alerts()) {
            out.writeByte(alert.kind().ordinal());
            out.writeByte(alert.signal().ordinal());
            out.writeLong(alert.windowStart());
            out.writeLong(alert.windowEnd());
            out.writeLong(alert.runStart());
            out.writeDouble(alert.value());
            out.writeDouble(alert.threshold());
            out.writeUTF(alert.baselineSource());
        }
    }

    private static GroupMonitor readGroup(DataInput in) throws IOException {
        StateFormat.expect(GROUP_FORMAT, in.readByte(), "monitor group state");
        GroupKey group = new GroupKey(in.readUTF(), in.readUTF(), PromptFormat.values()[in.readByte()],
                View.values()[in.readByte()]);
        List<String> labels = new ArrayList<>();
        for (int y = in.readInt(); y > 0; y--) {
            labels.add(in.readUTF());
        }
        int layers = in.readInt();
        long closedThrough = in.readLong();
        long latestStart = in.readLong();
        ReadingCounts firstWindows = ReadingCounts.readFrom(in);
        int firstWindowCount = in.readInt();
        long firstWindowStart = in.readLong();
        long lastBaselineWindowEnd = in.readLong();
        Map<DriftSignal, SignalRun> runs = new EnumMap<>(DriftSignal.class);
        for (DriftSignal signal : DriftSignal.values()) {
            runs.put(signal, new SignalRun(in.readBoolean(), in.readInt(), in.readLong()));
        }
        long late = in.readLong();
        List<AlertNote> alerts = new ArrayList<>();
        for (int a = in.readInt(); a > 0; a--) {
            alerts.add(new AlertNote(AlertKind.values()[in.readByte()], DriftSignal.values()[in.readByte()],
                    in.readLong(), in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readUTF()));
        }
        return new GroupMonitor(group, labels, layers, closedThrough, latestStart, firstWindows, firstWindowCount, firstWindowStart,
                lastBaselineWindowEnd, runs, late, alerts);
    }

    private static void writeWindow(WindowState w, DataOutput out) throws IOException {
        out.writeByte(WINDOW_FORMAT);
        w.readings().writeTo(out);
        out.writeLong(w.late());
        out.writeByte(w.status().ordinal());
        out.writeBoolean(w.drift() != null);
        if (w.drift() != null) {
            out.writeDouble(w.drift().answerMix());
            out.writeDouble(w.drift().settleShift());
            out.writeDouble(w.drift().agreement());
            out.writeUTF(w.drift().baselineSource());
        }
    }

    private static WindowState readWindow(DataInput in) throws IOException {
        StateFormat.expect(WINDOW_FORMAT, in.readByte(), "monitor window");
        ReadingCounts readings = ReadingCounts.readFrom(in);
        long late = in.readLong();
        WindowStatus status = WindowStatus.values()[in.readByte()];
        Drift drift = in.readBoolean()
                ? new Drift(in.readDouble(), in.readDouble(), in.readDouble(), in.readUTF())
                : null;
        return new WindowState(readings, late, status, drift);
    }
}
