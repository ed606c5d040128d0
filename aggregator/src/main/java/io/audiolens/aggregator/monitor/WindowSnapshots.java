package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.MonitorDrift;
import io.audiolens.schemas.MonitorWindow;
import java.time.Instant;

/** Windows as the Avro records of {@code audiolens.monitor.windows}. */
public final class WindowSnapshots {

    private WindowSnapshots() {
    }

    public static MonitorWindow of(GroupMonitor group, long start, WindowState window, MonitorSettings settings) {
        return MonitorWindow.newBuilder()
                .setModel(group.group().model()).setAttribute(group.group().attribute())
                .setPrompt(group.group().prompt()).setView(group.group().view())
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + settings.window().toMillis()))
                .setStatus(window.status())
                .setLabels(group.labels()).setLayers(group.layers())
                .setReadings(Readings.of(window.readings()).toAvro())
                .setLateRecords(window.late())
                .setDrift(window.drift() == null ? null : new MonitorDrift(window.drift().answerMix(),
                        window.drift().settleShift(), window.drift().agreement(), window.drift().baselineSource()))
                .build();
    }
}
