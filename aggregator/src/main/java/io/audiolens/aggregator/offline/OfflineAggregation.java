package io.audiolens.aggregator.offline;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.Intake;
import io.audiolens.aggregator.state.ProjectionCounting;
import io.audiolens.schemas.LayerProjection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * metrics.json from a projections.jsonl file, through the same {@link Intake} and {@link MetricsDocument}
 * as the Streams app. Lines that are not valid projections are skipped, counted as rejected and reported
 * with their line number; blank lines are ignored. Without enrichment outcomes, enrichment entries show
 * only what the probe sets decided.
 */
public final class OfflineAggregation {

    /** What one run read and wrote. */
    public record Result(MetricsDocument document, long lines, long rejected) {}

    private OfflineAggregation() {
    }

    /**
     * Reads {@code input}, writes {@code output}; every rejected line is reported to {@code rejections} as
     * {@code file:line: rejected: reason}.
     */
    public static Result run(Path input, Path output, AggregationParameters parameters, Consumer<String> rejections) {
        Result result;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            result = aggregate(reader, input.getFileName().toString(), parameters, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read projections from " + input, e);
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(output, result.document().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + output, e);
        }
        return result;
    }

    /** Reads every line of {@code lines}; {@code source} names them in diagnostics. */
    public static Result aggregate(BufferedReader lines, String source, AggregationParameters parameters,
            Consumer<String> rejections) throws IOException {
        Intake<LayerProjection, GroupCounts> intake = new Intake<>(new ProjectionCounting(parameters.probeSize()));
        InMemoryStore<GroupCounts> store = new InMemoryStore<>();
        long lineNumber = 0;
        long rejected = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String problem = problemCounting(line, intake, store);
            if (problem != null) {
                rejected++;
                rejections.accept(source + ":" + lineNumber + ": rejected: " + problem);
            }
        }
        AggregateStates states = new AggregateStates(store.all(), List.of(), rejected, 0);
        return new Result(MetricsDocument.from(states, parameters), lineNumber, rejected);
    }

    /** Counts the line's projection; returns why it could not be counted, or null. */
    private static String problemCounting(String line, Intake<LayerProjection, GroupCounts> intake,
            InMemoryStore<GroupCounts> store) {
        LayerProjection projection;
        try {
            projection = ProjectionJson.parse(line);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return intake.accept(projection, store) instanceof Intake.Rejected<GroupCounts> rejected
                ? rejected.reason() : null;
    }
}
