package io.audiolens.report.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsReaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheAggregatorsSpellingAndIgnoreFieldsItDoesNotKnow() throws Exception {
        RunMetrics metrics = read("""
                {"groups": [{"model": "m", "attribute": "animal", "prompt": "p2", "view": "LAST_AUDIO_MASKED",
                  "labels": ["dog", "cat", "pig", "cow"], "samples": 3, "correct": 1, "accuracy": null,
                  "infoScore": [0.25, null], "unlabelled": {"samples": 0}, "duplicates": 2}],
                 "correlations": [{"model": "m", "r": 0.5, "points": [[1, 2], [3, 4], [5, 6]]}],
                 "future": true}
                """);

        Group group = metrics.groups().get(0);
        assertEquals("P2", group.prompt());
        assertEquals(View.LAST_AUDIO_MASKED, group.view());
        assertEquals(0.25, group.chance(), "1/|Y| from the labels when chance is missing");
        assertEquals(Arrays.asList(0.25, null), group.infoScore());
        assertEquals(List.of(), group.infoScoreCorrect());
        assertNull(group.accuracy());
        assertEquals(3, metrics.correlations().get(0).points());
        assertNull(metrics.correlations().get(0).pointsExcludingGender());
        assertEquals(0, metrics.rejected());
        assertNull(metrics.rejectedOutcomes());
    }

    @Test
    void shouldAlignEnrichmentListsWithTheLambdas() throws Exception {
        RunMetrics metrics = read("""
                {"enrichment": [{"model": "m", "attribute": "animal", "prompt": "P3", "testSamples": 10,
                  "lambdas": [0, 0.5, 1], "accuracy": [0.5, 0.6], "relativeGain": [0, 0.2, 0.1, 9]}]}
                """);

        Enrichment entry = metrics.enrichment().get(0);
        assertEquals(Arrays.asList(0.5, 0.6, null), entry.accuracy());
        assertEquals(Arrays.asList(null, null, null), entry.randomMean());
        assertEquals(Arrays.asList(0.0, 0.2, 0.1), entry.relativeGain());
        assertEquals(1, entry.bestGain().getAsInt());
        assertEquals(0.5, entry.baselineAccuracy().orElseThrow());
    }

    @Test
    void shouldOrderAttributesAsThePaperDoes() throws Exception {
        RunMetrics metrics = read("""
                {"groups": [
                  {"model": "m", "attribute": "animal", "prompt": "P1", "chance": 0.1},
                  {"model": "m", "attribute": "birdsong", "prompt": "P1", "chance": 0.1},
                  {"model": "m", "attribute": "gender", "prompt": "P1", "chance": 0.5}]}
                """);

        assertEquals(List.of("gender", "animal", "birdsong"), metrics.attributes("m"));
        assertEquals(View.LAST, metrics.groups().get(0).view(), "a group without a view is the default, last");
    }

    @Test
    void shouldNameAGroupWithoutAModel() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("{\"groups\": [{\"attribute\": \"gender\", \"prompt\": \"P1\", \"chance\": 0.5}]}"));
        assertTrue(error.getMessage().contains("groups[0] has no \"model\""), error.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownView() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(
                "{\"groups\": [{\"model\": \"m\", \"attribute\": \"g\", \"prompt\": \"P1\", \"chance\": 0.5, \"view\": \"first\"}]}"));
        assertTrue(error.getMessage().contains("last, penultimate, last_audio_masked"), error.getMessage());
    }

    private RunMetrics read(String json) throws Exception {
        return MetricsReader.read(Files.writeString(dir.resolve("metrics.json"), json));
    }
}
