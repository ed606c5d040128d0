package io.audiolens.app.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A JSON document as indented {@code name: value} lines, lists as {@code - item}: the doctor's text output. */
final class TreeText {
    private TreeText() {}

    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        root.fields().forEachRemaining(field -> entry(out, "", field));
        return out.toString().stripTrailing();
    }

    private static void entry(StringBuilder out, String indent, Map.Entry<String, JsonNode> field) {
        JsonNode value = field.getValue();
        out.append(indent).append(field.getKey()).append(':');
        if (value.isContainerNode() && !value.isEmpty()) {
            out.append('\n');
            children(out, indent + "  ", value);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static void children(StringBuilder out, String indent, JsonNode container) {
        if (container.isObject()) {
            container.fields().forEachRemaining(field -> entry(out, indent, field));
            return;
        }
        for (JsonNode item : container) {
            if (item.isObject() && !item.isEmpty()) {
                StringBuilder nested = new StringBuilder();
                children(nested, indent + "  ", item);
                out.append(indent).append("- ").append(nested.substring(indent.length() + 2));
            } else {
                out.append(indent).append("- ").append(scalar(item)).append('\n');
            }
        }
    }

    private static String scalar(JsonNode value) {
        if (value.isNull()) {
            return "(unset)";
        }
        return value.isContainerNode() ? "(none)" : value.asText();
    }
}
