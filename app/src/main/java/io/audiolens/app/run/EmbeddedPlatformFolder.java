package io.audiolens.app.run;

import io.audiolens.embedded.EmbeddedPlatform;
import java.nio.file.Path;

/** Where {@code run} and {@code demo} start their embedded broker and registry: {@code OUT/platform}, new each time. */
public final class EmbeddedPlatformFolder {

    private EmbeddedPlatformFolder() {}

    /**
     * {@code out/platform}, refused when an earlier run, finished or failed, left its platform there: that
     * platform still holds the run's samples, projections and group offsets, which a resumed platform would
     * count into this run.
     */
    public static Path of(Path out) {
        Path folder = out.toAbsolutePath().resolve("platform");
        if (EmbeddedPlatform.holdsData(folder)) {
            throw new IllegalArgumentException(folder.getParent() + " holds an earlier run (finished or failed) whose"
                    + " embedded broker and registry still hold its events; remove " + folder + " (rm -rf " + folder
                    + "), or pass another --out");
        }
        return folder;
    }
}
