package io.audiolens.aggregator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PearsonTest {

    @Test
    void shouldMatchScipysPearsonr() {
        // scipy.stats.pearsonr([1, 2, 3, 4, 5], [2, 1, 4, 3, 7])
        Pearson pearson = Pearson.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 7}).orElseThrow();

        assertEquals(0.824163383692134, pearson.r(), 1e-12);
        assertEquals(0.08613863131395952, pearson.p(), 1e-12);
    }

    @Test
    void shouldGiveNoCorrelationWithoutADegreeOfFreedomOrWithoutVariance() {
        assertTrue(Pearson.of(new double[] {1, 2}, new double[] {3, 5}).isEmpty());
        assertTrue(Pearson.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}).isEmpty());
    }

    @Test
    void shouldGivePZeroForAPerfectLine() {
        Pearson pearson = Pearson.of(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2}).orElseThrow();

        assertEquals(-1.0, pearson.r());
        assertEquals(0.0, pearson.p());
    }
}
