package io.audiolens.worker.prompt;

import java.util.Locale;

/**
 * How a label becomes a token. {@code LEADING_SPACE} (default) tokenizes {@code " " + label}, as the label
 * would follow the prompt's "is"; {@code NO_SPACE} tokenizes the bare label, as the paper's code did.
 */
public enum LabelTokenMode {
    LEADING_SPACE, NO_SPACE;

    public static LabelTokenMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "leading-space" -> LEADING_SPACE;
            case "no-space" -> NO_SPACE;
            default -> throw new IllegalArgumentException("unknown label-token mode '" + text
                    + "'; use leading-space or no-space");
        };
    }

    String textOf(String label) {
        return this == LEADING_SPACE ? " " + label : label;
    }

    public String cliName() {
        return this == LEADING_SPACE ? "leading-space" : "no-space";
    }
}
