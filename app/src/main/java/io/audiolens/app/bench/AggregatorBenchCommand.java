package io.audiolens.app.bench;

import io.audiolens.app.options.StreamThreadsOption;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens bench aggregator}: the aggregator's throughput next to a plain consumer's. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = {"Projections per second through the aggregator vs plain consumers (Avro's reader, and the",
            "aggregator's decoder), on an embedded broker, after warm-up rounds of every reader, in timed passes",
            "(the median pass, and every pass's ratio); then, with the",
            "aggregator running, the latency from a projection's produce time to the first committed score snapshot",
            "that counts it (p50, p99)."})
public final class AggregatorBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "300000", description = "projections to send; in the timed pass the"
            + " first fifth is not timed (default: ${DEFAULT-VALUE}: the aggregator's timed stretch lasts seconds, not"
            + " one or two, so that a commit, a compilation or a burst of the broker's moves it less)")
    int records;

    @Option(names = "--warm-up-seconds", defaultValue = "60", description = "before the timed pass, each reader reads"
            + " all records again while the JIT compilers were busy more than 5 %% of the last round, until this budget"
            + " is spent (one round at least; default: ${DEFAULT-VALUE})")
    int warmUpSeconds;

    @Option(names = "--repeats", defaultValue = "3", description = "timed passes, each of the two plain consumers"
            + " and a fresh aggregator back to back; the pass with the median ratio is reported, with every pass's"
            + " ratio (default: ${DEFAULT-VALUE})")
    int repeats;

    @Mixin
    StreamThreadsOption streamThreads;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (records < 36) {
            throw new IllegalArgumentException("--records " + records + ": give at least 36 (one per group of the"
                    + " four synthetic models × 9 prompt-view groups); 300000 by default");
        }
        if (warmUpSeconds < 0) {
            throw new IllegalArgumentException("--warm-up-seconds " + warmUpSeconds + ": give 0 or more seconds (0: one"
                    + " warm-up round); 60 by default");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats " + repeats + ": give 1 or more timed passes; 3 by default");
        }
        int threads = streamThreads.value();
        Path runFolder = Files.createTempDirectory("audiolens-bench-aggregator");
        AggregatorBenchmark.Result result;
        try {
            result = AggregatorBenchmark.run(records, threads, Duration.ofSeconds(warmUpSeconds), repeats,
                    runFolder);
        } finally {
            try (var files = Files.walk(runFolder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }
}
