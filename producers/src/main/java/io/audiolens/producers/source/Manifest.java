package io.audiolens.producers.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A manifest lists clips with {@code path, attribute, label, split}: a CSV file with that header, or a
 * JSONL file with one object per line ({@code {"path": "a.wav", "attribute": "gender", "label": "male"}}).
 * {@code path} and {@code attribute} are required; {@code label} is empty for unlabelled audio;
 * {@code split} (probe, test, unlabelled) is optional and the producer chooses when it is empty. Paths are
 * relative to the manifest's folder. An entry that cannot be read is listed as rejected, with its line.
 */
public final class Manifest {

    static final String PATH = "path";
    static final String ATTRIBUTE = "attribute";
    static final String LABEL = "label";
    static final String SPLIT = "split";

    private Manifest() {
    }

    /** Every entry of {@code manifest}, in file order. */
    public static List<ListedClip> read(Path manifest, String dataset) {
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("manifest " + manifest + " does not exist or is not a file");
        }
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        List<ManifestRow> rows;
        if (name.endsWith(".csv")) {
            rows = ManifestCsv.rows(manifest);
        } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            rows = ManifestJsonl.rows(manifest);
        } else {
            throw new IllegalArgumentException("manifest " + manifest
                    + " must end in .csv (header path,attribute,label,split) or .jsonl (one JSON object a line)");
        }
        return rows.stream().map(row -> row.toClip(manifest, dataset)).toList();
    }

    /** The dataset name when none is given: the manifest's folder name. */
    public static String defaultDatasetName(Path manifest) {
        return SampleIds.folderName(manifest.toAbsolutePath().getParent());
    }
}
