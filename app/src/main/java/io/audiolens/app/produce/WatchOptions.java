package io.audiolens.app.produce;

import io.audiolens.producers.split.ProbeFraction;
import io.audiolens.producers.watch.SentFiles;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code audiolens produce --watch}. */
final class WatchOptions {

    @Option(names = "--watch", paramLabel = "DIR", required = true,
            description = "publish each new *.wav in DIR once; runs until interrupted (Ctrl-C)")
    Path dir;

    @Option(names = "--attribute", required = true, description = "gender, language, emotion or animal")
    String attribute;

    @Option(names = "--label", description = "the label of every clip; without it clips are UNLABELLED")
    String label;

    @Option(names = "--state", paramLabel = "FILE",
            description = "what was sent, kept across restarts (default: DIR/" + SentFiles.DEFAULT_NAME + ")")
    Path state;

    @Option(names = "--probe-fraction", defaultValue = "" + ProbeFraction.DEFAULT_FRACTION, description = "labelled"
            + " clips whose id hash falls below this fraction are PROBE, the others TEST (default: ${DEFAULT-VALUE})")
    double probeFraction;

    @Option(names = "--poll-interval", defaultValue = "PT1S", description = "time between scans, ISO-8601"
            + " (default: ${DEFAULT-VALUE}); a file is sent once it is unchanged across two scans")
    Duration pollInterval;

    Path stateFile() {
        return state != null ? state : dir.resolve(SentFiles.DEFAULT_NAME);
    }
}
