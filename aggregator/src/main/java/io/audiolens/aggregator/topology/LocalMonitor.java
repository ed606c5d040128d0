package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.monitor.GroupMonitor;
import io.audiolens.aggregator.monitor.GroupView;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.aggregator.monitor.WindowState;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** This instance's share of the monitor: its groups with their kept windows, read from its stores. */
public final class LocalMonitor {

    /** The monitor's stores: interactive queries on a running app, or a test driver's. */
    public interface Stores {
        ReadOnlyKeyValueStore<String, GroupMonitor> groups();

        ReadOnlyWindowStore<String, WindowState> windows();

        /** The global store of pinned baselines (raw topic bytes). */
        ReadOnlyKeyValueStore<String, byte[]> baselines();
    }

    private LocalMonitor() {
    }

    public static List<GroupView> read(Stores stores, MonitorSettings settings, PinnedBaselines pinned) {
        List<GroupView> views = new ArrayList<>();
        try (KeyValueIterator<String, GroupMonitor> groups = stores.groups().all()) {
            while (groups.hasNext()) {
                var entry = groups.next();
                byte[] pin = stores.baselines().get(entry.key);
                views.add(GroupView.of(entry.value, windows(stores.windows(), entry.key, entry.value, settings),
                        pinned.usable(pin, entry.value),
                        pinned.problem(pin, entry.value), settings));
            }
        }
        return views;
    }

    private static List<Map.Entry<Long, WindowState>> windows(ReadOnlyWindowStore<String, WindowState> store, String key,
            GroupMonitor group, MonitorSettings settings) {
        List<Map.Entry<Long, WindowState>> windows = new ArrayList<>();
        if (group.latestStart() == Long.MIN_VALUE) {
            return windows;
        }
        try (WindowStoreIterator<WindowState> all = store.fetch(key, Instant.ofEpochMilli(group.oldestKept(
                settings.retention())), Instant.ofEpochMilli(group.latestStart()))) {
            all.forEachRemaining(kv -> windows.add(new AbstractMap.SimpleImmutableEntry<>(kv.key, kv.value)));
        }
        return windows;
    }
}
