package io.audiolens.producers.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.Split;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeFractionTest {

    private static final List<String> IDS = IntStream.range(0, 10_000).mapToObj(i -> "live/gender/" + i + ".wav").toList();

    @Test
    void shouldGiveAnIdTheSameSplitEveryTime() {
        List<Split> first = IDS.stream().map(id -> new ProbeFraction(0.2).assign(id, "gender")).toList();
        List<Split> second = IDS.stream().map(id -> new ProbeFraction(0.2).assign(id, "gender")).toList();

        assertEquals(first, second);
    }

    @Test
    void shouldMakeAboutTheFractionProbe() {
        long probes = IDS.stream().filter(id -> new ProbeFraction(0.2).assign(id, "gender") == Split.PROBE).count();

        // binomial(10 000, 0.2): standard deviation 40
        assertTrue(Math.abs(probes - 2000) < 200, probes + " probes of 10000");
    }

    @Test
    void shouldRefuseAFractionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> new ProbeFraction(Double.NaN));
    }
}
