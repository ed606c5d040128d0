package io.audiolens.producers.source;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Sample ids are {@code <dataset>/<attribute>/<name>}: the dataset (folder name or the name given), the
 * attribute in lower case, and the clip's name within its source — the file name in a SAKURA track or a
 * watched folder, the path as written in a manifest (with {@code /} separators, without a leading
 * {@code ./}). The same file listed the same way always gets the same id, so a re-run publishes the
 * same keys and downstream de-duplication by id holds across runs.
 */
public final class SampleIds {

    private SampleIds() {
    }

    public static String of(String dataset, String attribute, String name) {
        return dataset + "/" + attribute.trim().toLowerCase(Locale.ROOT) + "/" + normalise(name);
    }

    /** The default dataset name for clips from {@code folder} (a SAKURA folder, a watched folder): its name. */
    public static String folderName(Path folder) {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    /** A dataset name usable as the first part of ids: not blank and without {@code /}. */
    public static String checkDatasetName(String dataset) {
        if (dataset == null || dataset.isBlank() || dataset.contains("/")) {
            throw new IllegalArgumentException("dataset name '" + dataset + "' must be non-blank and without '/'"
                    + " (it starts every sample id); pass another with --dataset-name");
        }
        return dataset;
    }

    private static String normalise(String name) {
        String slashed = name.trim().replace('\\', '/');
        while (slashed.startsWith("./")) {
            slashed = slashed.substring(2);
        }
        return slashed;
    }
}
