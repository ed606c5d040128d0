package io.audiolens.app.aggregate;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.offline.OfflineAggregation;
import io.audiolens.app.options.OutputPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens aggregate}: metrics.json from a projections.jsonl file, without Kafka. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Compute metrics.json from projections.jsonl (and outcomes.jsonl), offline, with the aggregator's own code.")
public final class AggregateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, description = "projections.jsonl, one LayerProjection as JSON per line")
    Path input;

    @Option(names = "--outcomes", description = "enrichment outcomes.jsonl (written by run), for the enrichment section")
    Path outcomes;

    @Option(names = "--out", required = true, description = "where to write metrics.json",
            converter = OutputPath.File.class)
    Path out;

    @Mixin
    AggregationOptions aggregation;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AggregationParameters parameters = aggregation.parameters();
        OfflineAggregation.Result result = OfflineAggregation.run(input, Optional.ofNullable(outcomes), out, parameters, err::println);
        err.flush();
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %d groups from %d lines, %d rejected%n", out, result.document().groups().size(),
                result.lines(), result.rejected());
        console.flush();
        return 0;
    }
}
