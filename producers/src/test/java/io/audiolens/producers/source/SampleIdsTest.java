package io.audiolens.producers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SampleIdsTest {

    @Test
    void shouldJoinDatasetLowerCaseAttributeAndName() {
        assertEquals("SAKURA/language/en_001.wav", SampleIds.of("SAKURA", "Language", "en_001.wav"));
    }

    @Test
    void shouldWriteManifestPathsWithForwardSlashesAndWithoutLeadingDot() {
        assertEquals("d/gender/sub/x.wav", SampleIds.of("d", "gender", ".\\sub\\x.wav"));
        assertEquals("d/gender/sub/x.wav", SampleIds.of("d", "gender", "./sub/x.wav"));
    }

    @Test
    void shouldRefuseDatasetNamesThatWouldBlurTheIdsParts() {
        assertThrows(IllegalArgumentException.class, () -> SampleIds.checkDatasetName("a/b"));
        assertThrows(IllegalArgumentException.class, () -> SampleIds.checkDatasetName(" "));
        assertEquals("SAKURA", SampleIds.checkDatasetName("SAKURA"));
    }
}
