package io.audiolens.app.bench;

import picocli.CommandLine.Command;

/** {@code audiolens bench ...}: benchmarks that print ratios measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (ratios measured in one run).",
        subcommands = {ModelBenchCommand.class, WorkerBenchCommand.class, AggregatorBenchCommand.class})
public final class BenchCommand {}
