package io.audiolens.aggregator.offline;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.Intake;
import io.audiolens.aggregator.state.OutcomeCounting;
import io.audiolens.aggregator.state.ProjectionCounting;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.LayerProjection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * metrics.json from a projections.jsonl file (and, optionally, the enrichment outcomes.jsonl), through the
 * same {@link Intake} and {@link MetricsDocument} as the Streams app. Lines that are not valid records are
 * skipped, counted as rejected and reported with their line number; blank lines are ignored. Without
 * outcomes, enrichment entries show only what the probe sets decided.
 */
public final class OfflineAggregation {

    /** What one run read and wrote. */
    public record Result(MetricsDocument document, long lines, long rejected) {}

    private OfflineAggregation() {
    }

    /**
     * Reads {@code projections} (and {@code outcomes}), writes {@code output}; every rejected line is
     * reported to {@code rejections} as {@code file:line: rejected: reason}.
     */
    public static Result run(Path projections, Optional<Path> outcomes, Path output, AggregationParameters parameters,
            Consumer<String> rejections) {
        Result result;
        try (BufferedReader projectionLines = Files.newBufferedReader(projections, StandardCharsets.UTF_8);
                BufferedReader outcomeLines = outcomes.isPresent()
                        ? Files.newBufferedReader(outcomes.get(), StandardCharsets.UTF_8)
                        : new BufferedReader(new StringReader(""))) {
            result = aggregate(projectionLines, projections.getFileName().toString(), outcomeLines,
                    outcomes.map(p -> p.getFileName().toString()).orElse("outcomes"), parameters, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + projections + outcomes.map(o -> " or " + o).orElse(""), e);
        }
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.write(output, result.document().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + output, e);
        }
        return result;
    }

    /** Projections only. */
    public static Result aggregate(BufferedReader lines, String source, AggregationParameters parameters,
            Consumer<String> rejections) throws IOException {
        return aggregate(lines, source, new BufferedReader(new StringReader("")), "outcomes", parameters, rejections);
    }

    public static Result aggregate(BufferedReader projectionLines, String projectionSource, BufferedReader outcomeLines,
            String outcomeSource, AggregationParameters parameters, Consumer<String> rejections) throws IOException {
        InMemoryStore<GroupCounts> groups = new InMemoryStore<>();
        Counted projections = count(projectionLines, projectionSource, ProjectionJson::parse,
                new Intake<LayerProjection, GroupCounts>(new ProjectionCounting(parameters.probeSize())), groups, rejections);
        InMemoryStore<EnrichmentCounts> enrichments = new InMemoryStore<>();
        Counted outcomes = count(outcomeLines, outcomeSource, OutcomeJson::parse,
                new Intake<EnrichmentOutcome, EnrichmentCounts>(new OutcomeCounting()), enrichments, rejections);
        AggregateStates states = new AggregateStates(groups.all(), enrichments.all(), projections.rejected,
                outcomes.rejected);
        return new Result(MetricsDocument.from(states, parameters), projections.lines, projections.rejected);
    }

    private record Counted(long lines, long rejected) {}

    private static <E, C> Counted count(BufferedReader lines, String source, Function<String, E> parse,
            Intake<E, C> intake, InMemoryStore<C> store, Consumer<String> rejections) throws IOException {
        long lineNumber = 0;
        long rejected = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String problem;
            try {
                problem = intake.accept(parse.apply(line), store) instanceof Intake.Rejected<C> r ? r.reason() : null;
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                rejected++;
                rejections.accept(source + ":" + lineNumber + ": rejected: " + problem);
            }
        }
        return new Counted(lineNumber, rejected);
    }
}
