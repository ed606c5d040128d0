package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.DriftSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the monitor keeps about one group besides its windows: up to which window start every
 * window is closed, the default baseline (its first windows, pooled), each signal's episode state, late
 * records and the latest alerts.
 */
public final class GroupMonitor {

    /** How many alerts {@code /monitor.json} lists per group; the topic keeps them all. */
    static final int RECENT_ALERTS = 20;

    private final GroupKey group;
    private final List<String> labels;
    private final int layers;
    private long closedThrough;
    private long latestStart;
    private ReadingCounts firstWindows;
    private int firstWindowCount;
    private long firstWindowStart;
    private long lastBaselineWindowEnd;
    private final Map<DriftSignal, SignalRun> runs;
    private long late;
    private final List<AlertNote> alerts;

    GroupMonitor(GroupKey group, List<String> labels, int layers, long closedThrough, long latestStart,
            ReadingCounts firstWindows,
            int firstWindowCount, long firstWindowStart, long lastBaselineWindowEnd, Map<DriftSignal, SignalRun> runs,
            long late, List<AlertNote> alerts) {
        this.group = group;
        this.labels = List.copyOf(labels);
        this.layers = layers;
        this.closedThrough = closedThrough;
        this.latestStart = latestStart;
        this.firstWindows = firstWindows;
        this.firstWindowCount = firstWindowCount;
        this.firstWindowStart = firstWindowStart;
        this.lastBaselineWindowEnd = lastBaselineWindowEnd;
        this.runs = new EnumMap<>(runs);
        this.late = late;
        this.alerts = new ArrayList<>(alerts);
    }

    /** A group seen for the first time: no window closed yet. */
    public static GroupMonitor start(GroupKey group, List<String> labels, int layers) {
        Map<DriftSignal, SignalRun> runs = new EnumMap<>(DriftSignal.class);
        for (DriftSignal signal : DriftSignal.values()) {
            runs.put(signal, SignalRun.quiet());
        }
        return new GroupMonitor(group, labels, layers, Long.MIN_VALUE, Long.MIN_VALUE,
                ReadingCounts.empty(labels.size(), layers), 0,
                0, 0, runs, 0, List.of());
    }

    /** The default baseline once its first windows are in; empty before. */
    public Optional<Baseline> defaultBaseline(int windowsNeeded) {
        if (firstWindowCount < windowsNeeded) {
            return Optional.empty();
        }
        return Optional.of(new Baseline("first " + firstWindowCount + " windows, "
                + Instant.ofEpochMilli(firstWindowStart) + " to "
                + Instant.ofEpochMilli(lastBaselineWindowEnd), firstWindows));
    }

    void addToDefaultBaseline(ReadingCounts window, long start, long end) {
        if (firstWindowCount == 0) {
            firstWindowStart = start;
        }
        firstWindows = firstWindows.plus(window);
        firstWindowCount++;
        lastBaselineWindowEnd = end;
    }

    void closedThrough(long windowStart) {
        closedThrough = windowStart;
    }

    /** Notes that a record landed in the window starting at {@code windowStart}; true when it is a newer one. */
    public boolean sawWindow(long windowStart) {
        if (windowStart <= latestStart) {
            return false;
        }
        latestStart = windowStart;
        return true;
    }

    /**
     * The first window start worth fetching: the store keeps {@code retention} before the newest window.
     * (Window stores fetch segment by segment: a range from 0 would walk every segment since 1970.)
     */
    public long oldestKept(Duration retention) {
        return latestStart == Long.MIN_VALUE ? 0 : Math.max(0, latestStart - retention.toMillis());
    }

    public void countLate() {
        late++;
    }

    void remember(AlertNote alert) {
        alerts.add(alert);
        if (alerts.size() > RECENT_ALERTS) {
            alerts.remove(0);
        }
    }

    public GroupKey group() { return group; }
    public List<String> labels() { return labels; }
    public int layers() { return layers; }
    /** Every window that starts at or before this is closed; {@link Long#MIN_VALUE} before the first. */
    public long closedThrough() { return closedThrough; }
    /** The newest window a record landed in; {@link Long#MIN_VALUE} before the first. */
    public long latestStart() { return latestStart; }
    public int firstWindowCount() { return firstWindowCount; }
    public SignalRun run(DriftSignal signal) { return runs.get(signal); }
    public long late() { return late; }
    public List<AlertNote> alerts() { return List.copyOf(alerts); }

    ReadingCounts firstWindows() { return firstWindows; }
    long firstWindowStart() { return firstWindowStart; }
    long lastBaselineWindowEnd() { return lastBaselineWindowEnd; }
    Map<DriftSignal, SignalRun> runs() { return runs; }
}
