package io.audiolens.aggregator.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.metrics.LowerCaseIds;
import java.util.ArrayList;
import java.util.List;

/** Reads typed fields of one JSON line, failing with {@link IllegalArgumentException} that names the field. */
final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    static JsonNode object(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return node;
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string, got " + value);
        }
        return value.asText();
    }

    static <E extends Enum<E>> E symbol(Class<E> type, JsonNode node, String name) {
        String value = text(node, name);
        try {
            return LowerCaseIds.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is '" + value + "', expected one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    static List<String> texts(JsonNode node, String name) {
        JsonNode array = field(node, name);
        List<String> texts = new ArrayList<>();
        for (JsonNode item : elements(array, name)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("\"" + name + "\" must hold strings, got " + item);
            }
            texts.add(item.asText());
        }
        return texts;
    }

    static List<List<Double>> matrix(JsonNode node, String name) {
        List<List<Double>> rows = new ArrayList<>();
        for (JsonNode row : elements(field(node, name), name)) {
            List<Double> values = new ArrayList<>();
            for (JsonNode value : elements(row, name + " rows")) {
                if (!value.isNumber()) {
                    throw new IllegalArgumentException("\"" + name + "\" must hold numbers, got " + value);
                }
                values.add(value.doubleValue());
            }
            rows.add(values);
        }
        return rows;
    }

    static Iterable<JsonNode> elements(JsonNode array, String name) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array, got " + array);
        }
        return array;
    }

    static int integer(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("expected an integer, got " + value);
        }
        return value.intValue();
    }

    static List<Integer> integers(JsonNode node, String name) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode value : elements(field(node, name), name)) {
            values.add(integer(value));
        }
        return values;
    }

    static List<Double> numbers(JsonNode node, String name) {
        List<Double> values = new ArrayList<>();
        for (JsonNode value : elements(field(node, name), name)) {
            if (!value.isNumber()) {
                throw new IllegalArgumentException("\"" + name + "\" must hold numbers, got " + value);
            }
            values.add(value.doubleValue());
        }
        return values;
    }

    static List<List<String>> textMatrix(JsonNode node, String name) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : elements(field(node, name), name)) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : elements(row, name + " rows")) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("\"" + name + "\" must hold strings, got " + value);
                }
                values.add(value.asText());
            }
            rows.add(values);
        }
        return rows;
    }
}
