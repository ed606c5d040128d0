package io.audiolens.report.html;

import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.metrics.View;
import io.audiolens.report.tables.Table;
import io.audiolens.report.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What the run covered: models, attributes, samples, what was rejected, and the source files. */
final class SummarySection {

    private SummarySection() {}

    static void render(Page page, RunMetrics metrics, OptionalLong projectionLines) {
        page.raw("<section id=\"summary\">\n").heading(2, "summary-title", "The run");
        long clips = 0;
        for (String model : metrics.models()) {
            for (String attribute : metrics.attributes(model)) {
                clips += metrics.clips(model, attribute);
            }
        }
        page.raw("<dl class=\"facts\">\n");
        fact(page, "Models", metrics.models().isEmpty() ? "none" : String.join(", ", metrics.models()));
        fact(page, "Attributes", metrics.attributes().isEmpty() ? "none" : String.join(", ", metrics.attributes()));
        fact(page, "Samples", clips + " clips over all models × attributes (each read under every prompt and view), "
                + metrics.groups().size() + " groups");
        fact(page, "Rejected", metrics.rejected() + " projections"
                + (metrics.rejectedOutcomes() == null ? "" : ", " + metrics.rejectedOutcomes() + " enrichment outcomes"));
        fact(page, "Data", "metrics.json" + (projectionLines.isPresent()
                ? ", projections.jsonl (" + projectionLines.getAsLong() + " lines)" : ""));
        page.raw("</dl>\n");
        if (!metrics.groups().isEmpty()) {
            page.table(perModelAttribute(metrics), "Samples, layers and the model's accuracy (view last) per prompt");
        }
        page.raw("</section>\n");
    }

    private static void fact(Page page, String term, String text) {
        page.element("dt", term).element("dd", text);
    }

    private static Table perModelAttribute(RunMetrics metrics) {
        List<String> prompts = metrics.groups().stream().map(Group::prompt).distinct().sorted().toList();
        List<String> headers = new ArrayList<>(List.of("model", "attribute", "clips", "layers L"));
        prompts.forEach(prompt -> headers.add("accuracy " + prompt));
        List<List<String>> rows = new ArrayList<>();
        for (String model : metrics.models()) {
            for (String attribute : metrics.attributes(model)) {
                List<Group> last = metrics.groups(model, attribute, View.LAST);
                List<String> row = new ArrayList<>(List.of(model, attribute,
                        Long.toString(metrics.clips(model, attribute)),
                        Integer.toString(last.stream().mapToInt(Group::layers).max().orElse(0))));
                prompts.forEach(prompt -> row.add(metrics.group(model, attribute, prompt, View.LAST)
                        .map(group -> Numbers.shortPercent(group.accuracy())).orElse("–")));
                rows.add(row);
            }
        }
        return new Table(headers, rows);
    }
}
