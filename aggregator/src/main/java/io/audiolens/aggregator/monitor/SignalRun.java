package io.audiolens.aggregator.monitor;

import io.audiolens.schemas.AlertKind;
import java.util.Optional;

/**
 * One signal's episode state: whether an alert is active, and how many evaluated windows in a row have
 * been on the other side of the threshold. M windows in a row beyond the threshold raise; once raised, M
 * in a row within it recover. One RAISED and one RECOVERED per episode, nothing in between.
 */
public final class SignalRun {

    private boolean active;
    private int run;
    private long runStart;

    public SignalRun(boolean active, int run, long runStart) {
        this.active = active;
        this.run = run;
        this.runStart = runStart;
    }

    public static SignalRun quiet() {
        return new SignalRun(false, 0, 0);
    }

    /** Takes one evaluated window; returns the alert it completes, if any. */
    public Optional<AlertKind> observe(boolean beyondThreshold, long windowStart, int inARow) {
        boolean contrary = active != beyondThreshold;
        if (!contrary) {
            run = 0;
            return Optional.empty();
        }
        if (run == 0) {
            runStart = windowStart;
        }
        run++;
        if (run < inARow) {
            return Optional.empty();
        }
        active = !active;
        run = 0;
        return Optional.of(active ? AlertKind.RAISED : AlertKind.RECOVERED);
    }

    public boolean active() { return active; }
    public int run() { return run; }
    /** The first window of the current run (or of the run that just completed). */
    public long runStart() { return runStart; }
}
