package io.audiolens.worker.prompt;

import io.audiolens.schemas.attributes.Attribute;
import java.util.Locale;

/**
 * Table I of AudioLens. P1: the assistant turn pre-filled with the prefix; P2: a question, then the
 * prefix; P3: P2 plus the list of possible options.
 */
public enum PromptFormat {
    P1, P2, P3;

    public static PromptFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown prompt format '" + text + "'; use P1, P2 or P3");
        }
    }

    /** The user's text after the audio: empty for P1. */
    public String userQuestion(Attribute attribute) {
        return switch (this) {
            case P1 -> "";
            case P2 -> attribute.question();
            case P3 -> attribute.question() + " Possible options: " + String.join(", ", attribute.labels()) + ".";
        };
    }
}
