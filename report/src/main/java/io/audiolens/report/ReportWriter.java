package io.audiolens.report;

import io.audiolens.report.chart.ChartFiles;
import io.audiolens.report.figures.Figure;
import io.audiolens.report.figures.ReportFigures;
import io.audiolens.report.html.IndexPage;
import io.audiolens.report.metrics.MetricsReader;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.tables.TableII;
import io.audiolens.report.tables.TableIII;
import io.audiolens.report.tables.TablesMarkdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Turns a stored metrics.json (and optionally projections.jsonl) into a report folder that opens offline:
 * {@code index.html}, {@code figures/fig2..fig5-*.svg|png}, {@code tables.md}, {@code table2.csv},
 * {@code table3.csv} and copies of the inputs.
 */
public final class ReportWriter {

    private ReportWriter() {}

    /** Every file written, in the order written; {@code outDir} is created if needed. */
    public static List<Path> write(Path metricsJson, Optional<Path> projectionsJsonl, Path outDir) throws IOException {
        RunMetrics metrics = MetricsReader.read(metricsJson);
        projectionsJsonl.filter(path -> !Files.isRegularFile(path)).ifPresent(path -> {
            throw new IllegalArgumentException("no projections file at " + path
                    + "; pass the projections.jsonl written by `audiolens run`, or leave --projections out");
        });
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        written.add(copy(metricsJson, outDir.resolve("metrics.json")));
        OptionalLong projectionLines = OptionalLong.empty();
        if (projectionsJsonl.isPresent()) {
            written.add(copy(projectionsJsonl.get(), outDir.resolve("projections.jsonl")));
            projectionLines = OptionalLong.of(countLines(projectionsJsonl.get()));
        }
        ReportFigures figures = ReportFigures.of(metrics);
        Path figureFolder = outDir.resolve(Figure.FOLDER);
        removeOldFigures(figureFolder);
        for (Figure figure : figures.all()) {
            written.addAll(ChartFiles.write(figure.chart(), figureFolder, figure.name()));
        }
        written.add(text(outDir.resolve("table2.csv"), TableII.csv(metrics).toCsv()));
        written.add(text(outDir.resolve("table3.csv"), TableIII.csv(metrics).toCsv()));
        written.add(text(outDir.resolve("tables.md"), TablesMarkdown.render(metrics)));
        written.add(text(outDir.resolve("index.html"), IndexPage.render(metrics, figures, projectionLines)));
        return List.copyOf(written);
    }

    private static Path copy(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING); // no-op when source is target
        return target;
    }

    private static Path text(Path target, String content) throws IOException {
        return Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    private static long countLines(Path jsonl) throws IOException {
        try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    /** A report written again into the same folder must not keep charts of groups that are gone. */
    private static void removeOldFigures(Path figureFolder) throws IOException {
        if (!Files.isDirectory(figureFolder)) {
            return;
        }
        try (Stream<Path> files = Files.list(figureFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("fig[2-5]-.*\\.(svg|png)")).toList()) {
                Files.delete(file);
            }
        }
    }
}
