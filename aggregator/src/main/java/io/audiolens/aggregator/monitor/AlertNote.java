package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.AlertKind;
import io.audiolens.schemas.DriftSignal;

/** An alert as the group's state remembers it for {@code /monitor.json} (the topic has the full record). */
public record AlertNote(AlertKind kind, DriftSignal signal, long windowStart, long windowEnd, long runStart, double value,
        double threshold, String baselineSource) {}
