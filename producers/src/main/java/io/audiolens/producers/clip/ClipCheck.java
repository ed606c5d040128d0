package io.audiolens.producers.clip;

import io.audiolens.producers.source.ListedClip;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything about a listed clip that can be checked without decoding it: the source's own complaint, a
 * sample id listed twice, the attribute, the label, the split and the file. One check per run: it
 * remembers the ids that passed, so a second listing of one is refused (a listing refused for another
 * reason does not take the id).
 */
public final class ClipCheck {

    private final Map<String, Path> seen = new HashMap<>();

    public CheckedClip check(ListedClip clip) throws ClipRejected {
        if (clip.problem().isPresent()) {
            throw new ClipRejected(clip.problem().get());
        }
        Path first = seen.get(clip.sampleId());
        if (first != null) {
            throw new ClipRejected("sample id " + clip.sampleId() + " is listed twice (first for " + first
                    + "); list each clip once");
        }
        Attribute attribute = attribute(clip.attribute());
        Optional<String> label = clip.label().isPresent()
                ? Optional.of(label(attribute, clip.label().get()))
                : Optional.empty();
        Optional<Split> split = fixedSplit(clip.split(), label);
        requireFile(clip.file());
        seen.put(clip.sampleId(), clip.file());
        return new CheckedClip(clip, attribute, label, split);
    }

    /** The clips that pass, in their order; each refused one goes to {@code rejected} with why, in its turn. */
    public List<CheckedClip> usable(List<ListedClip> clips, BiConsumer<ListedClip, String> rejected) {
        List<CheckedClip> usable = new ArrayList<>();
        for (ListedClip clip : clips) {
            try {
                usable.add(check(clip));
            } catch (ClipRejected e) {
                rejected.accept(clip, e.reason());
            }
        }
        return usable;
    }

    private static Attribute attribute(String name) throws ClipRejected {
        try {
            return Attribute.named(name);
        } catch (IllegalArgumentException e) {
            throw new ClipRejected(e.getMessage());
        }
    }

    /** The label as the attribute spells it; a different case is accepted ("english" is English). */
    private static String label(Attribute attribute, String written) throws ClipRejected {
        for (String label : attribute.labels()) {
            if (label.equalsIgnoreCase(written)) {
                return label;
            }
        }
        throw new ClipRejected("label '" + written + "' is not one of " + attribute.name() + "'s labels "
                + attribute.labels());
    }

    private static Optional<Split> fixedSplit(Optional<Split> written, Optional<String> label) throws ClipRejected {
        if (label.isEmpty()) {
            if (written.isPresent() && written.get() != Split.UNLABELLED) {
                throw new ClipRejected("split " + written.get() + " needs a label; add the label or leave the split"
                        + " empty (unlabelled audio is UNLABELLED)");
            }
            return Optional.of(Split.UNLABELLED);
        }
        if (written.isPresent() && written.get() == Split.UNLABELLED) {
            throw new ClipRejected("split UNLABELLED but the label is '" + label.get()
                    + "'; drop the label or choose probe or test");
        }
        return written;
    }

    private static void requireFile(Path file) throws ClipRejected {
        if (!Files.exists(file)) {
            throw new ClipRejected("file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new ClipRejected("not a regular file");
        }
    }
}
