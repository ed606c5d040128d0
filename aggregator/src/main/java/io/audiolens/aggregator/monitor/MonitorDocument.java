package io.audiolens.aggregator.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.audiolens.aggregator.metrics.LowerCaseIds;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** {@code /monitor.json}: the monitor's settings and every group, sorted by group key. */
public record MonitorDocument(SettingsView settings, List<GroupView> groups) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(LowerCaseIds.module());

    /** The settings as served: durations in seconds. */
    public record SettingsView(double windowSeconds, double graceSeconds, int history, int baselineWindows,
            int minSamples, int windowsInARow, double answerMixBits, double settleShiftFraction,
            double agreementDistance) {

        static SettingsView of(MonitorSettings s) {
            return new SettingsView(s.window().toMillis() / 1000.0, s.grace().toMillis() / 1000.0, s.history(),
                    s.baselineWindows(), s.minSamples(), s.windowsInARow(), s.answerMixBits(), s.settleShiftFraction(),
                    s.agreementDistance());
        }
    }

    public static MonitorDocument of(MonitorSettings settings, List<GroupView> groups) {
        return new MonitorDocument(SettingsView.of(settings),
                groups.stream().sorted(Comparator.comparing(GroupView::group)).toList());
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the monitor document as JSON", e);
        }
    }

    /** Reads a document written by {@link #toJson} (another instance's share). */
    public static MonitorDocument fromJson(byte[] json) {
        try {
            return JSON.readValue(json, MonitorDocument.class);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read a monitor document: " + e.getMessage(), e);
        }
    }
}
