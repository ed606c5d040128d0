package io.audiolens.producers.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void shouldDrawBarCountsAndRate() {
        ProgressBar bar = new ProgressBar(out, 500, ProgressBar.Style.BAR, now::get);
        advance(bar, 120, 0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(4));

        assertEquals("[#######.......................] 120/500 clips, 30.0 clips/s", bar.render(now.get()));
    }

    @Test
    void shouldLeaveOutTheBarWhenTheTotalIsUnknown() {
        ProgressBar bar = new ProgressBar(out, 0, ProgressBar.Style.LINES, now::get);
        advance(bar, 3, 0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertEquals("3 clips, 1.5 clips/s", bar.render(now.get()));
    }

    @Test
    void shouldRedrawInPlaceAtMostEveryTwoHundredMilliseconds() {
        ProgressBar bar = new ProgressBar(out, 10, ProgressBar.Style.BAR, now::get);
        advance(bar, 10, TimeUnit.MILLISECONDS.toNanos(50));
        bar.finish();

        String text = printed.toString(StandardCharsets.UTF_8);
        // draws at 50 ms (first), 250 ms, 450 ms, then the final one
        assertEquals(4, text.chars().filter(c -> c == '\r').count(), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
    }

    @Test
    void shouldPrintPlainLinesEveryTenSecondsWithoutCarriageReturns() {
        ProgressBar bar = new ProgressBar(out, 100, ProgressBar.Style.LINES, now::get);
        advance(bar, 100, TimeUnit.SECONDS.toNanos(1));
        bar.finish();

        String text = printed.toString(StandardCharsets.UTF_8);
        // lines at 10 s, 20 s, ..., 100 s, then the final one
        assertEquals(11, text.lines().count(), text);
        assertEquals(-1, text.indexOf('\r'));
    }

    private void advance(ProgressBar bar, int clips, long nanosEach) {
        for (int i = 0; i < clips; i++) {
            now.addAndGet(nanosEach);
            bar.advance();
        }
    }
}
