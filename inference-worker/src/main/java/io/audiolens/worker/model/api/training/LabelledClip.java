package io.audiolens.worker.model.api.training;

import io.audiolens.schemas.attributes.Attribute;
import java.nio.file.Path;

/** A WAV file and its ground truth for one attribute, as a SAKURA track lists it. */
public record LabelledClip(Path file, Attribute attribute, String label) {

    public LabelledClip {
        attribute.indexOf(label); // refuses a label outside the attribute's set, naming both
    }
}
