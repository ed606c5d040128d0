package io.audiolens.worker.model.qwen2audio;

final class ConfigChecks {
    private ConfigChecks() {}

    static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("config.json: " + field + " must be positive, found " + value);
        }
    }

    static void divides(String field, int divisor, String ofField, int value) {
        positive(field, divisor);
        if (value % divisor != 0) {
            throw new IllegalArgumentException("config.json: " + ofField + " = " + value + " is not divisible by "
                    + field + " = " + divisor);
        }
    }
}
