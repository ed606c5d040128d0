package io.audiolens.schemas.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TargetOffsetTest {
    @Test
    void shouldKeepThePapersShareOfTheDepth() {
        assertEquals(5, TargetOffset.forDepth(32));   // the paper's models: ℓ̄ + 5
        assertEquals(6, TargetOffset.forDepth(40));   // 6.25
        assertEquals(4, TargetOffset.forDepth(28));   // 4.375
        assertEquals(3, TargetOffset.forDepth(16));   // 2.5: halves round up
        assertEquals(2, TargetOffset.forDepth(12));   // 1.875
        assertEquals(1, TargetOffset.forDepth(8));    // 1.25: the bundled tiny model
        assertEquals(1, TargetOffset.forDepth(2));    // 0.3125, but never 0
    }

    @Test
    void shouldRefuseADecoderWithoutLayers() {
        assertThrows(IllegalArgumentException.class, () -> TargetOffset.forDepth(0));
    }
}
