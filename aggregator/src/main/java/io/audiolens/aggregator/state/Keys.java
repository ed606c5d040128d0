package io.audiolens.aggregator.state;

import java.util.Optional;

/** The one key grammar: parts joined by {@code |}, which therefore may not appear in a part. */
public final class Keys {

    static final String SEPARATOR = "|";

    private Keys() {
    }

    static String join(String... parts) {
        return String.join(SEPARATOR, parts);
    }

    /** The key of one sample within a group or enrichment key, for de-duplication. */
    public static String sample(String key, String sampleId) {
        return key + SEPARATOR + sampleId;
    }

    /** Why {@code value} cannot be part of a key, or empty. */
    static Optional<String> problemWithPart(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(name + " is blank");
        }
        if (value.contains(SEPARATOR)) {
            return Optional.of(name + " '" + value + "' contains the key separator '" + SEPARATOR
                    + "'; rename it without '" + SEPARATOR + "'");
        }
        return Optional.empty();
    }
}
