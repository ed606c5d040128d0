package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDManager;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.Optional;

/** One clip after the model's audio side: what every prompt about the clip reuses. */
public interface EncodedClip {

    /** Audio vectors the decoder sees for this clip. */
    int audioTokens();

    /** The prompt (attribute, P1–P3) about this clip, embedded, with its audio positions; arrays in {@code scope}. */
    PromptInput prompt(NDManager scope, Attribute attribute, PromptFormat format);

    /** The clip's transcript, for models whose prompt carries one (DeSTA2); empty for the others. */
    default Optional<Transcript> transcript() {
        return Optional.empty();
    }
}
