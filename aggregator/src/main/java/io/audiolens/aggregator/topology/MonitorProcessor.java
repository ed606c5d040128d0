package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.monitor.GroupMonitor;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.aggregator.monitor.WindowCloser;
import io.audiolens.aggregator.monitor.WindowKey;
import io.audiolens.aggregator.monitor.WindowSnapshots;
import io.audiolens.aggregator.monitor.WindowState;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.state.LensReading;
import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.MonitorAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The label-free monitor: every projection counted for the first time lands in its group's event-time
 * tumbling window (its record timestamp, the sample's produce time), or, when stream time has already
 * passed that window's end plus grace, is counted as late. Windows are closed in order of their start, so
 * that baselines and alert runs depend only on the input: as soon as stream time passes a window boundary
 * (before the record that moved it is stored: a jump in stream time must not expire windows unclosed),
 * and once per publish interval, which also publishes the windows that changed.
 */
final class MonitorProcessor implements Processor<String, LayerProjection, String, SpecificRecord> {

    static final String[] STORES = {StoreNames.MONITOR_WINDOWS, StoreNames.MONITOR_GROUPS, StoreNames.MONITOR_CHANGED};
    /** Its children: the sinks of windows and of alerts. */
    static final String WINDOWS = "monitor-windows";
    static final String ALERTS = "monitor-alerts";

    private final MonitorSettings settings;
    private final WindowCloser closer;
    private final PinnedBaselines pinned;
    private final Duration publishInterval;
    private final AggregatorMeters meters;
    private ProcessorContext<String, SpecificRecord> context;
    private WindowStore<String, WindowState> windows;
    private KeyValueStore<String, GroupMonitor> groups;
    private ChangedKeys changed;
    private KeyValueStore<String, byte[]> baselines;
    /** floor((stream time − grace) / window) at the last closing; which windows are due changes with it. */
    private long closedAtIndex = Long.MIN_VALUE;

    MonitorProcessor(MonitorSettings settings, PinnedBaselines pinned, Duration publishInterval,
            AggregatorMeters meters) {
        this.settings = settings;
        this.closer = new WindowCloser(settings);
        this.pinned = pinned;
        this.publishInterval = publishInterval;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> processorContext) {
        context = processorContext;
        windows = context.getStateStore(StoreNames.MONITOR_WINDOWS);
        groups = context.getStateStore(StoreNames.MONITOR_GROUPS);
        changed = new ChangedKeys(context.getStateStore(StoreNames.MONITOR_CHANGED));
        baselines = context.getStateStore(StoreNames.MONITOR_BASELINES);
        closedAtIndex = Long.MIN_VALUE; // a task revived after an error re-inits this instance on rewound stores
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::closeAndPublish);
    }

    @Override
    public void process(Record<String, LayerProjection> record) {
        closeWhenDue(context.currentStreamTimeMs());
        LayerProjection projection = record.value();
        String key = record.key(); // the group's key, as the counting forwards it
        GroupMonitor stored = groups.get(key);
        GroupMonitor group = stored != null ? stored
                : GroupMonitor.start(GroupKey.of(projection), projection.getLabels(), projection.getLayers());
        long start = settings.windowStart(record.timestamp());
        if (isLate(group, start)) {
            countLate(key, group, start);
            return;
        }
        WindowState window = windows.fetch(key, start);
        if (window == null) {
            window = WindowState.open(group.labels().size(), group.layers());
        }
        window.readings().add(LensReading.of(projection));
        windows.put(key, window, start);
        changed.mark(new WindowKey(key, start).asKey());
        boolean newerWindow = group.sawWindow(start);
        if (stored == null || newerWindow) { // most records change only their window
            groups.put(key, group);
        }
    }

    /** Late: its window closed already (stream time, which includes this record, is past its end plus grace). */
    private boolean isLate(GroupMonitor group, long start) {
        return start <= group.closedThrough() || settings.isClosed(start, context.currentStreamTimeMs());
    }

    private void countLate(String key, GroupMonitor group, long start) {
        group.countLate();
        groups.put(key, group);
        meters.late(key);
        WindowState window = windows.fetch(key, start);
        if (window != null) {
            windows.put(key, window.withLateRecord(), start);
            changed.mark(new WindowKey(key, start).asKey());
        }
    }

    private void closeAndPublish(long wallClock) {
        closeWhenDue(context.currentStreamTimeMs());
        changed.drain(windowKey -> publish(WindowKey.parse(windowKey)));
    }

    /** Closes every group's due windows once stream time has crossed a window boundary since the last time. */
    private void closeWhenDue(long streamTime) {
        long index = Math.floorDiv(streamTime - settings.grace().toMillis(), settings.window().toMillis());
        if (index == closedAtIndex) {
            return;
        }
        closedAtIndex = index;
        List<KeyValue<String, GroupMonitor>> all = new ArrayList<>();
        try (KeyValueIterator<String, GroupMonitor> iterator = groups.all()) {
            iterator.forEachRemaining(all::add);
        }
        for (KeyValue<String, GroupMonitor> entry : all) {
            closeDueWindows(entry.key, entry.value, streamTime);
        }
    }

    /** Closes every window of the group that starts at or before stream time − grace − size. */
    private void closeDueWindows(String key, GroupMonitor group, long streamTime) {
        long lastClosable = streamTime - settings.grace().toMillis() - settings.window().toMillis();
        long from = Math.max(group.closedThrough() == Long.MIN_VALUE ? 0 : group.closedThrough() + 1,
                group.oldestKept(settings.retention()));
        if (from > lastClosable) {
            return;
        }
        List<KeyValue<Long, WindowState>> due = new ArrayList<>();
        try (WindowStoreIterator<WindowState> iterator = windows.fetch(key, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(lastClosable))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<Long, WindowState> window : due) {
            WindowCloser.Closed closed = closer.close(group, window.key, window.value,
                    pinned.usable(baselines.get(key), group));
            windows.put(key, closed.window(), window.key);
            changed.forget(new WindowKey(key, window.key).asKey());
            long end = window.key + settings.window().toMillis();
            context.forward(new Record<>(new WindowKey(key, window.key).asKey(),
                    WindowSnapshots.of(group, window.key, closed.window(), settings), end), WINDOWS);
            for (MonitorAlert alert : closed.alerts()) {
                context.forward(new Record<>(key, alert, end), ALERTS);
                meters.alert(key, alert);
            }
            if (closed.window().drift() != null) {
                for (DriftSignal signal : DriftSignal.values()) {
                    meters.evaluated(key, signal, WindowCloser.value(closed.window().drift(), signal),
                            group.run(signal).active());
                }
            }
        }
        groups.put(key, group);
    }

    private void publish(WindowKey key) {
        WindowState window = windows.fetch(key.group(), key.start());
        GroupMonitor group = groups.get(key.group());
        if (window != null && group != null) {
            context.forward(new Record<>(key.asKey(), WindowSnapshots.of(group, key.start(), window, settings),
                    key.start() + settings.window().toMillis()), WINDOWS);
        }
    }
}
