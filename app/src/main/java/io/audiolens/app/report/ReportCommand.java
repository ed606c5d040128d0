package io.audiolens.app.report;

import io.audiolens.app.options.OutputPath;
import io.audiolens.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens report}: a stored metrics.json as a report folder that opens offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an offline HTML report (Figures 2-5, Tables II and III as HTML, Markdown and CSV) "
                + "from a stored metrics.json.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--metrics", required = true, description = "metrics.json from `audiolens aggregate` or the aggregator")
    Path metrics;

    @Option(names = "--projections", description = "projections.jsonl of the same run, copied into the report")
    Path projections;

    @Option(names = "--out", required = true, description = "report folder, created if needed (index.html, figures/, tables)",
            converter = OutputPath.Folder.class)
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> files = ReportWriter.write(metrics, Optional.ofNullable(projections), out);
        spec.commandLine().getOut().println("wrote " + files.size() + " files; open "
                + out.resolve("index.html").toAbsolutePath().normalize().toUri());
        return 0;
    }
}
