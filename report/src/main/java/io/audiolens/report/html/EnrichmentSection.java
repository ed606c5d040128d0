package io.audiolens.report.html;

import static io.audiolens.report.text.Xml.escape;

import io.audiolens.report.figures.EnrichmentFigures;
import io.audiolens.report.figures.Figure;
import io.audiolens.report.metrics.Enrichment;
import io.audiolens.report.tables.EnrichmentTable;
import java.util.Iterator;
import java.util.List;

/** RQ5: per enrichment entry its chart and numbers, or why there is nothing to show. */
final class EnrichmentSection {

    private EnrichmentSection() {}

    /** {@code figures}: one per entry with outcomes, in entry order (as {@link EnrichmentFigures} makes them). */
    static void render(Page page, List<Enrichment> entries, List<Figure> figures) {
        page.raw("<section id=\"rq5\">\n").heading(2, "rq5-title", "RQ5 · Enrichment (Figure 5)");
        FigureSection.howToRead(page, ReadingGuide.ENRICHMENT);
        if (entries.isEmpty()) {
            page.raw("<p class=\"empty\">" + ReadingGuide.NO_ENRICHMENT + "</p>\n");
        }
        Iterator<Figure> charts = figures.iterator();
        for (Enrichment entry : entries) {
            page.element("h3", EnrichmentTable.title(entry));
            if (entry.hasOutcomes()) {
                page.raw("<div class=\"grid\">\n");
                FigureSection.figure(page, charts.next());
                page.table(EnrichmentTable.of(entry), EnrichmentFigures.verdict(entry));
                page.raw("</div>\n");
            } else if (entry.notRequestedBecause() != null) {
                page.raw("<p class=\"empty\">").raw(escape("Not requested: " + entry.notRequestedBecause())).raw("</p>\n");
            } else {
                page.raw("<p class=\"empty\">Requested; no test sample has been evaluated yet.</p>\n");
            }
        }
        page.raw("</section>\n");
    }
}
