package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import io.audiolens.schemas.WindowStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One group in {@code /monitor.json}: its latest windows, the baseline in force, each signal's threshold
 * and episode state, the latest alerts and the late records.
 */
public record GroupView(String group, String model, String attribute, PromptFormat prompt, View view,
        List<String> labels, int layers, long lateRecords, BaselineView baseline, Map<DriftSignal, SignalView> signals,
        List<AlertNote> alerts, List<WindowView> windows) {

    /** The baseline the next closed window is compared with, or how far the default one has come. */
    public record BaselineView(String source, boolean pinned, int windowsSoFar, int windowsNeeded, Readings readings,
            String pinProblem) {}

    public record SignalView(double threshold, boolean active, int run) {}

    public record WindowView(long start, long end, WindowStatus status, long late, Readings readings, Drift drift) {}

    /** {@code windows}: (start, state) of the group's kept windows, oldest first. */
    public static GroupView of(GroupMonitor group, List<Map.Entry<Long, WindowState>> windows, Optional<Baseline> pinned,
            Optional<String> pinProblem, MonitorSettings settings) {
        WindowCloser closer = new WindowCloser(settings);
        Map<DriftSignal, SignalView> signals = new EnumMap<>(DriftSignal.class);
        for (DriftSignal signal : DriftSignal.values()) {
            SignalRun run = group.run(signal);
            signals.put(signal, new SignalView(closer.threshold(signal, group.layers()), run.active(), run.run()));
        }
        Optional<Baseline> inForce = pinned.or(() -> group.defaultBaseline(settings.baselineWindows()));
        BaselineView baseline = new BaselineView(inForce.map(Baseline::source).orElse(null), pinned.isPresent(),
                group.firstWindowCount(), settings.baselineWindows(),
                inForce.map(b -> Readings.of(b.counts())).orElse(null), pinProblem.orElse(null));
        List<WindowView> views = windows.stream()
                .skip(Math.max(0, windows.size() - settings.history()))
                .map(w -> new WindowView(w.getKey(), w.getKey() + settings.window().toMillis(), w.getValue().status(),
                        w.getValue().late(), Readings.of(w.getValue().readings()), w.getValue().drift()))
                .toList();
        return new GroupView(group.group().asKey(), group.group().model(), group.group().attribute(),
                group.group().prompt(), group.group().view(), group.labels(), group.layers(), group.late(), baseline,
                signals, group.alerts(), views);
    }
}
