package io.audiolens.report.html;

import static io.audiolens.report.text.Xml.escape;

import io.audiolens.report.figures.ReportFigures;
import io.audiolens.report.metrics.RunMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** index.html: one self-contained page (inline CSS and script, figures from the folder beside it). */
public final class IndexPage {

    private IndexPage() {}

    public static String render(RunMetrics metrics, ReportFigures figures, OptionalLong projectionLines) {
        Page page = new Page();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>AudioLens report — " + escape(String.join(", ", metrics.models())) + "</title>\n")
                .raw("<style>\n" + resource("report.css") + "</style>\n</head>\n<body>\n")
                .raw("<header><h1>AudioLens report</h1><p>How audio-language models perceive auditory attributes, "
                        + "layer by layer (Logit Lens).</p></header>\n")
                .raw("<nav><a href=\"#summary\">Run</a><a href=\"#rq1\">RQ1 · Figure 2</a><a href=\"#rq2\">RQ2 · Figure 3</a>"
                        + "<a href=\"#tables\">RQ3 · Tables II, III</a><a href=\"#rq4\">RQ4 · Figure 4</a>"
                        + "<a href=\"#rq5\">RQ5 · Figure 5</a></nav>\n<main>\n")
                .raw("<div id=\"image-check\" hidden></div>\n");
        SummarySection.render(page, metrics, projectionLines);
        FigureSection.render(page, "rq1", "RQ1 · Information score per layer (Figure 2)",
                ReadingGuide.INFORMATION_SCORE, figures.informationScore(), "No group was measured in view last.");
        FigureSection.render(page, "rq2", "RQ2 · Correct vs wrong answers (Figure 3)", ReadingGuide.CORRECTNESS,
                figures.correctness(), "No group was measured in view last.");
        TablesSection.render(page, metrics);
        FigureSection.render(page, "rq4", "RQ4 · Information flow across positions (Figure 4)", ReadingGuide.VIEWS,
                figures.views(), "No group in metrics.json.");
        EnrichmentSection.render(page, metrics.enrichment(), figures.enrichment());
        page.raw("</main>\n<footer>Made offline from <a href=\"metrics.json\">metrics.json</a> by "
                + "<code>audiolens report</code>. Method: Yang, Ho, Lee &amp; Lee, <em>AudioLens: A Closer Look at "
                + "Auditory Attribute Perception of Large Audio-Language Models</em>.</footer>\n")
                .raw("<script>\n" + resource("image-check.js") + "</script>\n</body>\n</html>\n");
        return page.toString();
    }

    private static String resource(String name) {
        try (InputStream in = IndexPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the jar; rebuild audiolens-report");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + name, e);
        }
    }
}
