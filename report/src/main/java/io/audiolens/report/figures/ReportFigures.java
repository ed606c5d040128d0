package io.audiolens.report.figures;

import io.audiolens.report.metrics.RunMetrics;
import java.util.List;
import java.util.stream.Stream;

/** Every figure of one report, by the research question it answers; file names unique across all. */
public record ReportFigures(List<Figure> informationScore, List<Figure> correctness, List<Figure> views,
        List<Figure> enrichment) {

    public static ReportFigures of(RunMetrics metrics) {
        FileNames names = new FileNames();
        return new ReportFigures(InformationScoreFigures.of(metrics, names), CorrectnessFigures.of(metrics, names),
                ViewFigures.of(metrics, names), EnrichmentFigures.of(metrics, names));
    }

    public List<Figure> all() {
        return Stream.of(informationScore, correctness, views, enrichment).flatMap(List::stream).toList();
    }
}
