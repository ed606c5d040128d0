package io.audiolens.worker.model.common;

/** Checks of {@code config.json} values that name the field. */
public final class ConfigChecks {
    private ConfigChecks() {}

    public static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("config.json: " + field + " must be positive, found " + value);
        }
    }

    public static void divides(String field, int divisor, String ofField, int value) {
        positive(field, divisor);
        if (value % divisor != 0) {
            throw new IllegalArgumentException("config.json: " + ofField + " = " + value + " is not divisible by "
                    + field + " = " + divisor);
        }
    }
}
