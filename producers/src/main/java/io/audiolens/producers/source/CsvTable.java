package io.audiolens.producers.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A CSV file whose first record names the columns (trimmed, lower case); column lookups by name. */
record CsvTable(Path file, List<String> header, List<CsvRecord> rows) {

    CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as UTF-8 text: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    static CsvTable parse(String text, Path file) {
        List<CsvRecord> records = CsvReader.parse(text, file.toString());
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; it needs a header line naming its columns");
        }
        List<String> header = records.get(0).fields().stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        return new CsvTable(file, header, records.subList(1, records.size()));
    }

    /** Fails naming the missing column and the columns there are. */
    void requireColumns(String... columns) {
        for (String column : columns) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + " has no column '" + column + "'; its header is " + header
                        + " and it needs " + List.of(columns));
            }
        }
    }

    /** The trimmed value of {@code column} in {@code row}; empty when the column or the field is absent or blank. */
    Optional<String> value(CsvRecord row, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= row.fields().size()) {
            return Optional.empty();
        }
        String value = row.fields().get(index).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Why {@code row} cannot be trusted, if its field count differs from the header's. */
    Optional<String> shapeProblem(CsvRecord row) {
        if (row.fields().size() == header.size()) {
            return Optional.empty();
        }
        return Optional.of(file.getFileName() + " line " + row.line() + " has " + row.fields().size()
                + " fields but the header has " + header.size() + "; quote fields that contain commas");
    }
}
