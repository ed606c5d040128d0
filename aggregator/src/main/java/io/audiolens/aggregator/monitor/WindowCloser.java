package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.AlertKind;
import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.WindowStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Closes one group's windows in order of their start: a window with too few samples is only shown; the
 * first windows with enough samples form the default baseline (unless one is pinned); every later one is
 * compared with the baseline, and each signal's run decides the alerts.
 */
public final class WindowCloser {

    /** A closed window and the alerts it completed. */
    public record Closed(WindowState window, List<MonitorAlert> alerts) {}

    private final MonitorSettings settings;

    public WindowCloser(MonitorSettings settings) {
        this.settings = settings;
    }

    /** Closes {@code window} of {@code group}, updating the group's state; {@code pinned} wins over the default. */
    public Closed close(GroupMonitor group, long start, WindowState window, Optional<Baseline> pinned) {
        long end = start + settings.window().toMillis();
        group.closedThrough(start);
        if (window.readings().samples() < settings.minSamples()) {
            return new Closed(window.closed(WindowStatus.TOO_FEW_SAMPLES, null), List.of());
        }
        Optional<Baseline> baseline = pinned.or(() -> group.defaultBaseline(settings.baselineWindows()));
        if (baseline.isEmpty()) {
            group.addToDefaultBaseline(window.readings(), start, end);
            return new Closed(window.closed(WindowStatus.BASELINE, null), List.of());
        }
        Drift drift = Drift.between(window.readings(), baseline.get().counts(), baseline.get().source());
        List<MonitorAlert> alerts = new ArrayList<>();
        for (DriftSignal signal : DriftSignal.values()) {
            double value = value(drift, signal);
            double threshold = threshold(signal, group.layers());
            Optional<AlertKind> alert = group.run(signal).observe(Math.abs(value) > threshold, start,
                    settings.windowsInARow());
            alert.ifPresent(kind -> {
                AlertNote note = new AlertNote(kind, signal, start, end, group.run(signal).runStart(), value, threshold,
                        baseline.get().source());
                group.remember(note);
                alerts.add(Alerts.record(group, note, settings.windowsInARow(), baseline.get()));
            });
        }
        return new Closed(window.closed(WindowStatus.EVALUATED, drift), alerts);
    }

    /** The threshold of {@code signal} for a model of {@code layers} decoder layers. */
    public double threshold(DriftSignal signal, int layers) {
        return switch (signal) {
            case ANSWER_MIX -> settings.answerMixBits();
            case SETTLE_LAYER -> settings.settleShiftLayers(layers);
            case AGREEMENT -> settings.agreementDistance();
        };
    }

    /** {@code signal}'s distance in {@code drift}. */
    public static double value(Drift drift, DriftSignal signal) {
        return switch (signal) {
            case ANSWER_MIX -> drift.answerMix();
            case SETTLE_LAYER -> drift.settleShift();
            case AGREEMENT -> drift.agreement();
        };
    }
}
