package io.audiolens.producers.source;

import io.audiolens.schemas.Split;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A clip as a source lists it, before any check: the attribute is the name as written, the file may be
 * missing. A source that already knows the clip is unusable says why in {@code problem}; the clip is
 * still listed so that the rejection is published, not dropped.
 *
 * @param sampleId {@code <dataset>/<attribute>/<name>}, see {@link SampleIds}
 * @param label the ground truth as written; empty for unlabelled audio
 * @param split the split the source fixed (a manifest's column); empty to let the producer choose
 */
public record ListedClip(String sampleId, String dataset, String attribute, Optional<String> label,
        Optional<Split> split, Path file, Optional<String> problem) {

    /** A clip named {@code name} within its source; its id is {@link SampleIds#of}. */
    public static ListedClip of(String dataset, String attribute, String name, Path file, Optional<String> label,
            Optional<Split> split) {
        return new ListedClip(SampleIds.of(dataset, attribute, name), dataset, attribute.trim(), label, split, file,
                Optional.empty());
    }

    /** The same clip, known to be unusable for {@code reason}. */
    public ListedClip rejectedBecause(String reason) {
        return new ListedClip(sampleId, dataset, attribute, label, split, file, Optional.of(reason));
    }
}
