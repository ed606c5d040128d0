package io.audiolens.app.baseline;

import io.audiolens.aggregator.monitor.BaselinePublisher;
import io.audiolens.aggregator.monitor.LabelledRunBaselines;
import io.audiolens.app.options.ClusterOptions;
import io.audiolens.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens baseline}: pin the monitor's baselines from a labelled run, or unpin them. */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pin the monitor's baseline of groups to a labelled run's readings (its metrics.json), or unpin",
                "them (back to each group's first windows). Windows closed from then on are compared with it.",
                "Also over HTTP: POST /monitor/baseline?group=G&from=T&to=T pins a group's own windows."})
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--metrics", paramLabel = "FILE", description = "metrics.json of a labelled run (audiolens run,"
                + " demo, aggregate or the aggregator's /metrics.json)")
        Path metrics;

        @Option(names = "--unpin", description = "return the --group(s) to their default baseline")
        boolean unpin;
    }

    @Option(names = "--group", paramLabel = "KEY", description = "model|attribute|prompt|view; repeat for several"
            + " (default with --metrics: every group in the file)")
    List<String> groups;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if (what.unpin && (groups == null || groups.isEmpty())) {
            throw new IllegalArgumentException("--unpin needs --group KEY (model|attribute|prompt|view), once per group");
        }
        List<LabelledRunBaselines.GroupBaseline> pinned = what.metrics == null ? List.of()
                : LabelledRunBaselines.read(what.metrics).stream()
                        .filter(b -> groups == null || groups.contains(b.group())).toList();
        if (what.metrics != null && pinned.isEmpty()) {
            throw new IllegalArgumentException(what.metrics + " has none of the groups " + groups
                    + "; name groups as model|attribute|prompt|view, e.g. audiolens-tiny|language|P1|last");
        }
        try (BaselinePublisher publisher = new BaselinePublisher(cluster.kafka(), cluster.serdes(),
                Topics.MONITOR_BASELINES.name())) {
            for (LabelledRunBaselines.GroupBaseline baseline : pinned) {
                publisher.pin(baseline.group(), "metrics.json " + what.metrics.toAbsolutePath(), baseline.labels(),
                        baseline.counts());
                spec.commandLine().getOut().println("pinned " + baseline.group() + " (" + baseline.counts().samples()
                        + " samples)");
            }
            if (what.unpin) {
                for (String group : groups) {
                    publisher.unpin(group);
                    spec.commandLine().getOut().println("unpinned " + group);
                }
            }
        }
        return 0;
    }
}
