package io.audiolens.worker.model.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackedPromptsTest {
    private static final float M = -1e9f;

    /** A shared start of 2 tokens continued by two prompts of 1 and 2 tokens. */
    private final PackedPrompts packing = new PackedPrompts(new int[] {2, 1, 2}, new int[] {-1, 0, 0});

    @Test
    void shouldPlaceEachContinuationAfterItsSharedStart() {
        assertEquals(5, packing.tokens());
        assertEquals(3, packing.start(2));
        assertArrayEquals(new long[] {0, 1, 2, 2, 3}, packing.positions());
    }

    @Test
    void shouldLetATokenSeeItsAncestorsAndItsOwnPastOnly() {
        float[] expected = {
            0, M, M, M, M,   // start, token 0
            0, 0, M, M, M,   // start, token 1
            0, 0, 0, M, M,   // prompt 1: the start and itself
            0, 0, M, 0, M,   // prompt 2, token 0: not prompt 1
            0, 0, M, 0, 0,   // prompt 2, token 1
        };
        assertArrayEquals(expected, packing.mask(M));
    }

    @Test
    void shouldRefuseAParentAfterItsChildAndAnEmptySegment() {
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> new PackedPrompts(new int[] {1, 1}, new int[] {1, -1}));
        assertTrue(late.getMessage().contains("segment 0 has parent 1"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PackedPrompts(new int[] {0}, new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new PackedPrompts(new int[] {1, 1}, new int[] {-1}));
    }

    @Test
    void shouldNotLetCallersChangeItsArrays() {
        packing.lengths()[0] = 99;
        assertEquals(5, packing.tokens());
    }
}
