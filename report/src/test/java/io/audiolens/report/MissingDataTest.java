package io.audiolens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of a run that is partial, small or odd still writes, and says what is missing instead of hiding it. */
class MissingDataTest {

    @TempDir
    Path out;

    @Test
    void shouldReportAModelWithOneAttributeAndAGroupWithoutSamples() throws Exception {
        List<Path> written = ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        assertEquals(3 * 2 + 5, written.size(), written.toString());
        SvgDocument scores = SvgDocument.parse(out.resolve("figures/fig2-solo-model-animal.svg"));
        assertEquals(List.of("P1, accuracy 100.0%", "P2"), scores.names("series"));
        assertTrue(scores.texts().containsAll(List.of("P2: no data", "P2: no samples yet, so no scores and no critical layer.")),
                scores.texts().toString());
        assertEquals(List.of(), scores.polylinePoints("series", "P2"));
    }

    @Test
    void shouldBreakALineWhereALayerScoreIsNull() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        SvgDocument views = SvgDocument.parse(out.resolve("figures/fig4-solo-model-animal.svg"));
        assertEquals(List.of(2), views.polylinePoints("series", "penultimate"), "layers 3–4; layer 1 alone is a dot");
        assertEquals(1, views.count("series", "penultimate", "circle"));
        assertTrue(views.texts().contains("last_audio_masked: no data"));
        assertTrue(views.texts().contains("View last_audio_masked was not measured in this run."));
    }

    @Test
    void shouldSayWhenNoSampleWasAnsweredWrongly() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        SvgDocument correctness = SvgDocument.parse(out.resolve("figures/fig3-solo-model-animal.svg"));
        assertTrue(correctness.texts().contains("incorrect (n = 0): no data"), correctness.texts().toString());
        assertTrue(correctness.texts().contains("No incorrectly answered sample: only the correct curve can be drawn."));
    }

    @Test
    void shouldWriteUndefinedValuesAsEmptyCsvCellsAndWordsElsewhere() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        assertEquals("model,attribute,critical_layer,accuracy_percent\nsolo-model,animal,,100.00\n",
                Files.readString(out.resolve("table2.csv")));
        assertEquals("model,r,p,points,r_excluding_gender,p_excluding_gender,points_excluding_gender\n"
                + "solo-model,,,1,,,1\n", Files.readString(out.resolve("table3.csv")));
        String markdown = Files.readString(out.resolve("tables.md"));
        assertTrue(markdown.contains("| solo-model | undefined / 100.00 |"), markdown);
        assertTrue(markdown.contains("No enrichment entry in metrics.json."), markdown);
    }

    @Test
    void shouldSayThereIsNoFigure5RatherThanDrawAnEmptyChart() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("has no enrichment entry, so this run has no Figure 5."), html);
        assertTrue(html.contains("<dd>0 projections, 1 enrichment outcomes</dd>"), html);
        assertTrue(Files.notExists(out.resolve("figures/fig5-solo-model-animal-p1.svg")));
    }

    @Test
    void shouldWriteAPageForARunWithoutGroups() throws Exception {
        Path metrics = Files.writeString(out.resolve("empty.json"), "{\"groups\": [], \"rejected\": 7}");

        ReportWriter.write(metrics, Optional.empty(), out.resolve("report"));

        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("No group was measured in view last."), html);
        assertTrue(html.contains("<dd>7 projections</dd>"), html);
    }

    @Test
    void shouldCopyProjectionsAndCountTheirLines() throws Exception {
        Path projections = Files.writeString(out.resolve("in.jsonl"), "{\"sampleId\":\"a\"}\n{\"sampleId\":\"b\"}\n\n");

        List<Path> written = ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.of(projections), out.resolve("r"));

        assertTrue(written.contains(out.resolve("r/projections.jsonl")));
        assertEquals(Files.readString(projections), Files.readString(out.resolve("r/projections.jsonl")));
        assertTrue(Files.readString(out.resolve("r/index.html")).contains("projections.jsonl (2 lines)"));
    }

    @Test
    void shouldNameTheMissingFileAndTheFix() {
        Path missing = out.resolve("nope/metrics.json");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(missing, Optional.empty(), out));
        assertTrue(error.getMessage().contains(missing.toString()) && error.getMessage().contains("audiolens aggregate"),
                error.getMessage());
    }

    @Test
    void shouldRemoveChartsOfAnEarlierReportInTheSameFolder() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.FULL), Optional.empty(), out);
        ReportWriter.write(Fixtures.path(Fixtures.SPARSE), Optional.empty(), out);

        try (var files = Files.list(out.resolve("figures"))) {
            assertEquals(6, files.count());
        }
    }
}
