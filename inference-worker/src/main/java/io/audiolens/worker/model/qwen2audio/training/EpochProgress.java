package io.audiolens.worker.model.qwen2audio.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where one training epoch stands:
 * {@code [########......] answers epoch 2/3: 812/2080 clips, loss 0.4123, 7.9 clips/s, 2m41s left}.
 * On a terminal the line is redrawn in place at most every 200 ms; elsewhere (a log file, CI) a plain
 * line is printed at most every 30 s. The loss is the running mean cross-entropy per answer so far.
 */
final class EpochProgress {
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long LINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean redraw;
    private final String stage;
    private final int epoch;
    private final int epochs;
    private final int total;
    private final LongSupplier nanoClock;
    private final long startedAt;
    private long nextDrawAt;
    private int drawnLength;

    EpochProgress(PrintStream out, boolean redraw, String stage, int epoch, int epochs, int total, LongSupplier nanoClock) {
        this.out = out;
        this.redraw = redraw;
        this.stage = stage;
        this.epoch = epoch;
        this.epochs = epochs;
        this.total = total;
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
        this.nextDrawAt = startedAt + (redraw ? REDRAW_NANOS : LINE_NANOS);
    }

    /** {@code done} clips of the epoch are through, with {@code meanLoss} per answer so far. */
    void update(int done, double meanLoss) {
        long now = nanoClock.getAsLong();
        if (now - nextDrawAt >= 0) {
            draw(now, done, meanLoss);
            nextDrawAt = now + (redraw ? REDRAW_NANOS : LINE_NANOS);
        }
    }

    /** Clears a redrawn line, so that the epoch's summary line starts at the left margin. */
    void finish() {
        if (redraw && drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
        }
    }

    /** The progress text, without line control characters. */
    String render(long now, int done, double meanLoss) {
        double seconds = (now - startedAt) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = total > 0 ? (int) Math.min(WIDTH, (long) done * WIDTH / total) : 0;
        return String.format(Locale.ROOT, "[%s%s] %s epoch %d/%d: %d/%d clips, loss %.4f, %.1f clips/s, %s left",
                "#".repeat(filled), ".".repeat(WIDTH - filled), stage, epoch, epochs, done, total, meanLoss, rate,
                minutesAndSeconds(left));
    }

    /** "2m05s" */
    static String minutesAndSeconds(long seconds) {
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    private void draw(long now, int done, double meanLoss) {
        String text = render(now, done, meanLoss);
        if (redraw) {
            out.print("\r" + text);
        } else {
            out.println(text);
        }
        out.flush();
        drawnLength = Math.max(drawnLength, text.length());
    }
}
