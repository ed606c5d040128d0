package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.MonitorAlert;
import java.time.Instant;

/** Alerts as the Avro records of {@code audiolens.monitor.alerts}. */
final class Alerts {

    private Alerts() {
    }

    static MonitorAlert record(GroupMonitor group, AlertNote note, int windowsInARow, Baseline baseline) {
        return MonitorAlert.newBuilder()
                .setModel(group.group().model()).setAttribute(group.group().attribute())
                .setPrompt(group.group().prompt()).setView(group.group().view())
                .setKind(note.kind()).setSignal(note.signal())
                .setWindowStart(Instant.ofEpochMilli(note.windowStart())).setWindowEnd(Instant.ofEpochMilli(note.windowEnd()))
                .setRunStart(Instant.ofEpochMilli(note.runStart())).setWindows(windowsInARow)
                .setValue(note.value()).setThreshold(note.threshold())
                .setLabels(group.labels())
                .setBaselineSource(baseline.source()).setBaseline(Readings.of(baseline.counts()).toAvro())
                .build();
    }
}
