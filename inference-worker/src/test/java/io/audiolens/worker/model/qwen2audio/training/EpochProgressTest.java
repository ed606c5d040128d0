package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EpochProgressTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void shouldShowClipsLossRateAndTimeLeft() {
        EpochProgress progress = progress(false);
        // 100 of 400 clips in 20 s: 5 clips/s, 300 clips = 60 s left
        assertEquals("[######..................] answers epoch 2/3: 100/400 clips, loss 0.4123, 5.0 clips/s, 1m00s left",
                progress.render(clock.get() + TimeUnit.SECONDS.toNanos(20), 100, 0.41234));
    }

    @Test
    void shouldPrintALineEveryThirtySecondsInALog() {
        EpochProgress progress = progress(false);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(29));
        progress.update(10, 1.0);
        assertEquals("", text(), "nothing before 30 s");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.update(11, 1.0);
        progress.update(12, 1.0);
        assertEquals(1, text().lines().count(), text());
        assertTrue(text().contains("11/400 clips"), text());
    }

    @Test
    void shouldRedrawInPlaceOnATerminalAndClearTheLineAtTheEnd() {
        EpochProgress progress = progress(true);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        progress.update(1, 2.0);
        progress.finish();
        assertTrue(text().startsWith("\r[") && text().endsWith("\r") && !text().contains("\n"), text());
    }

    private EpochProgress progress(boolean redraw) {
        return new EpochProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), redraw, "answers", 2, 3, 400, clock::get);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
