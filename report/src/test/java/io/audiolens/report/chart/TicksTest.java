package io.audiolens.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void shouldTickEveryLayerOfASmallModel() {
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), Ticks.layers(8));
    }

    @Test
    void shouldTickEveryFourthLayerOfA32LayerModelAndKeepTheFirst() {
        assertEquals(List.of(1.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0), Ticks.layers(32));
    }

    @Test
    void shouldEndNiceTicksOnRoundNumbersAroundTheData() {
        assertEquals(List.of(0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24), Ticks.nice(0.133, 0.2375));
    }

    @Test
    void shouldPrintTheShortestPlainDecimal() {
        assertEquals("0.3", Ticks.label(0.1 + 0.2));
        assertEquals("1", Ticks.label(1.0));
        assertEquals("0.0001", Ticks.label(1e-4));
        assertEquals("1.25", Ticks.label(1.25));
    }

    @Test
    void shouldWrapLongLegendLabelsAtSpaces() {
        assertEquals(List.of("random source layer,", "mean ± std"), LegendPainter.wrap("random source layer, mean ± std", 22));
        assertEquals(List.of("short"), LegendPainter.wrap("short", 22));
    }
}
