package io.audiolens.producers.publish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code [#####.....] 120/500 clips, 35.2 clips/s}, or {@code 120 clips, 35.2 clips/s} when the total is
 * unknown (a watched folder). On a terminal the bar is redrawn in place at most every 200 ms; elsewhere
 * (a log file, CI) a plain line is printed at most every 10 s, so logs stay readable.
 */
public final class ProgressBar implements Progress {

    /** How the bar is drawn: {@code BAR} redraws one line with {@code \r}, {@code LINES} appends lines. */
    public enum Style { BAR, LINES }

    static final long BAR_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final Style style;
    private final LongSupplier nanoClock;
    private final long startedAt;
    private long nextDrawAt;
    private long done;

    /** {@code total} clips, or 0 or less when unknown. */
    public ProgressBar(PrintStream out, long total, Style style, LongSupplier nanoClock) {
        this.out = out;
        this.total = total;
        this.style = style;
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
        this.nextDrawAt = style == Style.BAR ? startedAt : startedAt + LINE_INTERVAL_NANOS;
    }

    public static ProgressBar onStderr(long total, Style style) {
        return new ProgressBar(System.err, total, style, System::nanoTime);
    }

    /**
     * BAR when the JVM has a console, else LINES. Java 17 has a console only when standard input and
     * output are a terminal: redirect stderr alone and choose LINES explicitly.
     */
    public static Style styleForThisTerminal() {
        return System.console() != null ? Style.BAR : Style.LINES;
    }

    @Override
    public void advance() {
        done++;
        long now = nanoClock.getAsLong();
        if (now - nextDrawAt >= 0) {
            draw(now);
            nextDrawAt = now + (style == Style.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS);
        }
    }

    @Override
    public void finish() {
        draw(nanoClock.getAsLong());
        if (style == Style.BAR) {
            out.println();
        }
        out.flush();
    }

    /** The progress text, without line control characters. */
    String render(long now) {
        double seconds = (now - startedAt) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String counts = total > 0 ? done + "/" + total : Long.toString(done);
        String text = String.format(Locale.ROOT, "%s clips, %.1f clips/s", counts, rate);
        if (total <= 0) {
            return text;
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text;
    }

    private void draw(long now) {
        if (style == Style.BAR) {
            out.print("\r" + render(now));
        } else {
            out.println(render(now));
        }
        out.flush();
    }
}
