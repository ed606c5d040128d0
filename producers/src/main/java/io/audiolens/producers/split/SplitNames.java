package io.audiolens.producers.split;

import io.audiolens.schemas.Split;
import java.util.Locale;

/** Reads a split as people write it in a manifest: probe, test, unlabelled (or unlabeled), any case. */
public final class SplitNames {

    private SplitNames() {
    }

    public static Split parse(String written) {
        return switch (written.trim().toLowerCase(Locale.ROOT)) {
            case "probe" -> Split.PROBE;
            case "test" -> Split.TEST;
            case "unlabelled", "unlabeled" -> Split.UNLABELLED;
            default -> throw new IllegalArgumentException("split '" + written
                    + "' is not probe, test or unlabelled; fix it or leave it empty to let the producer choose");
        };
    }
}
