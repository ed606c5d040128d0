package io.audiolens.producers.source;

import io.audiolens.producers.split.SplitNames;
import io.audiolens.schemas.Split;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One manifest entry as written, CSV or JSONL alike: blank values are empty.
 *
 * @param problem why the entry could not even be read (bad JSON, wrong field count)
 */
record ManifestRow(int line, Optional<String> path, Optional<String> attribute, Optional<String> label,
        Optional<String> split, Optional<String> problem) {

    /** Stands in for a missing attribute in the would-be sample id of a rejected entry. */
    static final String NO_ATTRIBUTE = "no-attribute";

    static ManifestRow unreadable(int line, String problem) {
        return new ManifestRow(line, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(problem));
    }

    /** The clip this entry lists; its path is relative to the manifest's folder. */
    ListedClip toClip(Path manifest, String dataset) {
        String name = path.orElse("line-" + line);
        Path file = manifest.toAbsolutePath().getParent().resolve(name);
        Optional<String> splitProblem = split.flatMap(ManifestRow::splitProblem);
        Optional<Split> fixedSplit = splitProblem.isPresent() ? Optional.empty() : split.map(SplitNames::parse);
        ListedClip clip = ListedClip.of(dataset, attribute.orElse(NO_ATTRIBUTE), name, file, label, fixedSplit);
        String where = manifest.getFileName() + " line " + line;
        return problem.map(p -> where + ": " + p)
                .or(() -> path.isEmpty() ? Optional.of(where + " has no path") : Optional.empty())
                .or(() -> attribute.isEmpty() ? Optional.of(where + " has no attribute") : Optional.empty())
                .or(() -> splitProblem.map(p -> where + ": " + p))
                .map(clip::rejectedBecause)
                .orElse(clip);
    }

    private static Optional<String> splitProblem(String written) {
        try {
            SplitNames.parse(written);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
