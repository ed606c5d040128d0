package io.audiolens.producers.clip;

import io.audiolens.producers.source.ListedClip;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A listed clip that passed every check short of decoding.
 *
 * @param label the label as the attribute spells it; empty for unlabelled audio
 * @param fixedSplit the source's split, or UNLABELLED for unlabelled audio; empty when the producer chooses
 */
public record CheckedClip(ListedClip listed, Attribute attribute, Optional<String> label, Optional<Split> fixedSplit) {

    public String sampleId() {
        return listed.sampleId();
    }

    public Path file() {
        return listed.file();
    }
}
