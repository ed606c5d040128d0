package io.audiolens.producers.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.schemas.Split;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProduceSummaryTest {

    @Test
    void shouldAddRunsCountByCount() {
        ProduceSummary first = new ProduceSummary(Map.of("gender", Map.of(Split.PROBE, 2L)),
                List.of(new Rejection("d/gender/x.wav", "x.wav", "the file is empty (0 bytes)")), 1, 0, List.of());
        ProduceSummary second = new ProduceSummary(Map.of("gender", Map.of(Split.PROBE, 1L, Split.TEST, 3L)),
                List.of(), 0, 2, List.of());

        ProduceSummary both = first.plus(second);

        assertEquals(6, both.sent());
        assertEquals(3, both.sent("gender", Split.PROBE));
        assertEquals(1, both.rejected().size());
        assertEquals(1, both.cut());
        assertEquals(2, both.converted());
    }

    @Test
    void shouldDescribeCountsSplitsAndEachRejectionWithItsReason() {
        ProduceSummary summary = new ProduceSummary(Map.of("animal", Map.of(Split.PROBE, 4L)),
                List.of(new Rejection("d/animal/x.wav", "/data/x.wav", "file not found")), 1, 2, List.of());

        assertEquals("""
                4 sent, 1 rejected, 1 cut to 30 s, 2 converted to 16 kHz mono, 0 not acknowledged
                  animal: 4 probe, 0 test, 0 unlabelled
                    no TEST clips for animal: lower --probe-size
                  rejected /data/x.wav: file not found
                """, summary.describe().replace(System.lineSeparator(), "\n"));
    }
}
