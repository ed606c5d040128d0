package io.audiolens.producers.source;

import static io.audiolens.producers.source.Manifest.ATTRIBUTE;
import static io.audiolens.producers.source.Manifest.LABEL;
import static io.audiolens.producers.source.Manifest.PATH;
import static io.audiolens.producers.source.Manifest.SPLIT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A JSONL manifest: one JSON object per line; blank lines are skipped. */
final class ManifestJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestJsonl() {
    }

    static List<ManifestRow> rows(Path manifest) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + manifest + " as UTF-8 text: " + e.getMessage(), e);
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            if (!line.isBlank()) {
                rows.add(row(i + 1, line));
            }
        }
        return rows;
    }

    private static ManifestRow row(int line, String text) {
        JsonNode entry;
        try {
            entry = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ManifestRow.unreadable(line, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!entry.isObject()) {
            return ManifestRow.unreadable(line, "not a JSON object; write {\"path\": ..., \"attribute\": ...}");
        }
        return new ManifestRow(line, text(entry, PATH), text(entry, ATTRIBUTE), text(entry, LABEL),
                text(entry, SPLIT), Optional.empty());
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().trim()).filter(s -> !s.isEmpty());
    }
}
