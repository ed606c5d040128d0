package io.audiolens.report.html;

import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.tables.TableII;
import io.audiolens.report.tables.TableIII;

/** RQ3: Tables II and III with their reading guide and the CSV / Markdown copies. */
final class TablesSection {

    private TablesSection() {}

    static void render(Page page, RunMetrics metrics) {
        page.raw("<section id=\"tables\">\n").heading(2, "tables-title", "RQ3 · Critical layer and accuracy (Tables II, III)");
        FigureSection.howToRead(page, ReadingGuide.TABLES);
        if (metrics.tableII().isEmpty()) {
            page.raw("<p class=\"empty\">metrics.json has no Table II rows: no group in view last yet.</p>\n");
        } else {
            page.table(TableII.pivot(metrics), "Table II · critical layer ℓ* / accuracy % (view last, mean over prompts)");
            if (metrics.tableII().stream().anyMatch(row -> row.criticalLayer() == null)) {
                page.paragraph("undefined: no prompt of that attribute has a layer above 1.2× chance, so Eq. 4 "
                        + "has no value (it would divide by zero).");
            }
        }
        if (metrics.correlations().isEmpty()) {
            page.raw("<p class=\"empty\">metrics.json has no Table III rows.</p>\n");
        } else {
            page.table(TableIII.display(metrics), "Table III · Pearson correlation between critical layer and accuracy");
        }
        page.raw("<p class=\"files\">Also as ").link("table2.csv", "table2.csv").raw(", ")
                .link("table3.csv", "table3.csv").raw(" and ").link("tables.md", "tables.md").raw(".</p>\n");
        page.raw("</section>\n");
    }
}
