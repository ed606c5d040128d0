package io.audiolens.report.tables;

import io.audiolens.report.figures.EnrichmentFigures;
import io.audiolens.report.metrics.Enrichment;
import io.audiolens.report.metrics.RunMetrics;

/** tables.md: Tables II and III and the numbers behind Figure 5, for pasting into notes and issues. */
public final class TablesMarkdown {

    private TablesMarkdown() {}

    public static String render(RunMetrics metrics) {
        StringBuilder md = new StringBuilder("# AudioLens tables\n\n");
        md.append("## Table II: critical layer ℓ* / accuracy % (view last, mean over prompts)\n\n");
        md.append(metrics.tableII().isEmpty() ? "No Table II rows in metrics.json.\n" : TableII.pivot(metrics).toMarkdown());
        if (metrics.tableII().stream().anyMatch(row -> row.criticalLayer() == null)) {
            md.append("\n*undefined*: no prompt of that attribute has a layer above 1.2× chance, so Eq. 4 has no value.\n");
        }
        md.append("\n## Table III: Pearson correlation between critical layer and accuracy\n\n");
        md.append(metrics.correlations().isEmpty() ? "No Table III rows in metrics.json.\n"
                : TableIII.display(metrics).toMarkdown());
        md.append("\n## Figure 5: enrichment\n\n");
        if (metrics.enrichment().isEmpty()) {
            md.append("No enrichment entry in metrics.json.\n");
        }
        for (Enrichment entry : metrics.enrichment()) {
            md.append("### ").append(EnrichmentTable.title(entry)).append("\n\n");
            if (entry.hasOutcomes()) {
                md.append(EnrichmentTable.of(entry).toMarkdown()).append('\n').append(EnrichmentFigures.verdict(entry));
            } else if (entry.notRequestedBecause() != null) {
                md.append("Not requested: ").append(entry.notRequestedBecause());
            } else {
                md.append("Requested; no test sample has been evaluated yet.");
            }
            md.append("\n\n");
        }
        return md.toString();
    }
}
