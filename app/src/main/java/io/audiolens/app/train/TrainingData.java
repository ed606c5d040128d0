package io.audiolens.app.train;

import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.api.training.LabelledClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The labelled clips of one split of a speech set ({@code DIR/train}, {@code DIR/heldout}), in SAKURA layout. */
final class TrainingData {
    private TrainingData() {}

    static List<LabelledClip> split(Path data, String split) {
        Path folder = data.resolve(split);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " does not exist; make a speech set with "
                    + "tools/make-speech-set.sh " + data + " (it writes train/ and heldout/ in SAKURA layout)");
        }
        return SakuraFolder.list(folder, split).stream().map(TrainingData::labelled).toList();
    }

    private static LabelledClip labelled(ListedClip clip) {
        if (clip.problem().isPresent()) {
            throw new IllegalArgumentException(clip.file() + " cannot be used for training: " + clip.problem().get());
        }
        return new LabelledClip(clip.file(), Attribute.named(clip.attribute()), clip.label().orElseThrow());
    }
}
