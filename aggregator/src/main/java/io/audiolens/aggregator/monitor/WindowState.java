package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.WindowStatus;

/**
 * One group's window as the window store keeps it: the readings of the records that arrived in time,
 * how many arrived late, and, once closed, its status and drift.
 *
 * @param drift null unless {@code status} is EVALUATED
 */
public record WindowState(ReadingCounts readings, long late, WindowStatus status, Drift drift) {

    public static WindowState open(int labels, int layers) {
        return new WindowState(ReadingCounts.empty(labels, layers), 0, WindowStatus.OPEN, null);
    }

    public WindowState withLateRecord() {
        return new WindowState(readings, late + 1, status, drift);
    }

    public WindowState closed(WindowStatus finalStatus, Drift distances) {
        return new WindowState(readings, late, finalStatus, distances);
    }
}
