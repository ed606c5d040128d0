package io.audiolens.app.demo;

import io.audiolens.app.live.LiveDemo;
import io.audiolens.app.live.LiveDemoRun;
import io.audiolens.app.live.LiveOptions;
import io.audiolens.app.options.DeviceOptions;
import io.audiolens.app.options.EnrichOffsetOption;
import io.audiolens.app.options.ModelOption;
import io.audiolens.app.options.MonitorOptions;
import io.audiolens.app.options.OutputPath;
import io.audiolens.app.run.EndToEndRun;
import io.audiolens.app.run.RunSettings;
import io.audiolens.report.ReportWriter;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import java.nio.file.Files;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.service.WorkerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiolens demo}: the bundled held-out speech set through the bundled tiny model on an embedded
 * broker and registry, live, ending with a report folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Stream the bundled speech set through the bundled tiny model, live, and write a report.",
                "With --live: keep running, feed the clips as an unlabelled stream that shifts after a while, and",
                "watch the monitor on the dashboard (monitor defaults for the demo: 10s windows, 5s grace, a baseline",
                "of 3 windows, at least 10 samples, alerts after 2 in a row)."})
public final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    /** Set by the launcher script to the repository root; the working directory otherwise. */
    public static final String HOME_PROPERTY = "audiolens.home";
    /** The bundled model and held-out clips, under {@link #home()}. */
    public static final String BUNDLED_MODEL = "demo/audiolens-tiny";
    public static final String BUNDLED_DATA = "demo/data/heldout";

    /** Where the bundled files are: the repository root the launcher names, or the working directory. */
    public static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, "")).toAbsolutePath();
    }

    @Option(names = "--out", defaultValue = "demo-output", description = "output folder (default: ${DEFAULT-VALUE})",
            converter = OutputPath.Folder.class)
    Path out;

    @Option(names = "--data", description = "SAKURA-layout folder (default: demo/data/heldout)")
    Path data;

    @Option(names = "--model", paramLabel = "DIR|ORG/NAME[@REV]", description = ModelOption.DESCRIPTION
            + " (default: demo/audiolens-tiny)")
    String model;

    @Option(names = "--probe-size", defaultValue = "20", description = "probe clips per attribute (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Mixin
    EnrichOffsetOption enrichOffset;

    @Mixin
    DeviceOptions device;

    @ArgGroup(exclusive = false)
    LiveOptions live;

    @Mixin
    MonitorOptions monitor;

    @Override
    public Integer call() throws Exception {
        Path home = home();
        Path dataset = data != null ? data : home.resolve(BUNDLED_DATA);
        for (Path required : model != null ? List.of(dataset) : List.of(dataset, home.resolve(BUNDLED_MODEL))) {
            if (!Files.isDirectory(required)) {
                throw new IllegalArgumentException(required + " does not exist; run the demo from the repository root "
                        + "(./audiolens demo) or pass --data and --model");
            }
        }
        ModelLocation checkpoint = model != null ? ModelLocation.of(model) : ModelLocation.folder(home.resolve(BUNDLED_MODEL));
        Path folder = out.toAbsolutePath();
        if (live != null) {
            return LiveDemoRun.run(live, dataset, checkpoint, folder.resolveSibling(folder.getFileName() + "-live"),
                    monitor.settings(LiveDemo.MONITOR), device.compute());
        }
        ComputeDevice compute = device.compute();
        RunSettings settings = new RunSettings(dataset, "demo", checkpoint, folder, Optional.empty(),
                List.of(PromptFormat.values()), List.of(View.values()), probeSize, enrichOffset.value(),
                compute, LabelTokenMode.LEADING_SPACE, WorkerSettings.defaultBatchSize(compute));
        long start = System.nanoTime();
        new EndToEndRun(settings).run();
        List<Path> files = ReportWriter.write(folder.resolve("metrics.json"), Optional.of(folder.resolve("projections.jsonl")),
                folder.resolve("report"));
        LOG.info("demo done in {} s: {} report files; open file://{}", (System.nanoTime() - start) / 1_000_000_000L,
                files.size(), folder.resolve("report/index.html"));
        return 0;
    }
}
