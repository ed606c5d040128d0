package io.audiolens.report.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Tolerant field access: a missing field, JSON null and a non-number are all "undefined". */
final class JsonFields {

    private JsonFields() {}

    static Double number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
    }

    static Integer integer(JsonNode object, String field) {
        Double value = number(object, field);
        return value == null ? null : (int) Math.round(value);
    }

    static long count(JsonNode object, String field) {
        Double value = number(object, field);
        return value == null ? 0 : Math.round(value);
    }

    /** A count written either as a number or as the list of the things counted. */
    static Integer numberOrListSize(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isArray() ? Integer.valueOf(value.size()) : integer(object, field);
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String requiredText(JsonNode object, String field, String where) {
        String value = text(object, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " has no \"" + field + "\"; every group, row and entry of "
                    + "metrics.json names its " + field + " (write the file with the aggregator's metrics.json format)");
        }
        return value;
    }

    /** An unmodifiable list that keeps nulls for undefined entries; empty when the field is absent. */
    static List<Double> numbers(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<Double> numbers = new ArrayList<>(value.size());
        value.forEach(item -> numbers.add(item.isNumber() && Double.isFinite(item.doubleValue())
                ? item.doubleValue() : null));
        return Collections.unmodifiableList(numbers);
    }

    static List<JsonNode> objects(JsonNode root, String field) {
        JsonNode value = root.get(field);
        List<JsonNode> objects = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isObject()) {
                    objects.add(item);
                }
            });
        }
        return objects;
    }
}
