package io.audiolens.producers.source;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas; a field in double quotes may hold commas, line breaks and
 * {@code ""} for one quote. CR LF or LF ends a record, the last line break is optional, a UTF-8 byte
 * order mark is skipped and blank lines are ignored. Malformed quoting is an error naming the line,
 * never a guess.
 */
final class CsvReader {

    private final String text;
    private final String source;
    private final List<CsvRecord> records = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int line = 1;
    private int recordLine = 1;
    private boolean fieldWasQuoted;

    private CsvReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** The records of {@code text}; {@code source} names it in errors. */
    static List<CsvRecord> parse(String text, String source) {
        return new CsvReader(text, source).parse();
    }

    private List<CsvRecord> parse() {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = readQuoted(i + 1);
                continue;
            }
            if (c == ',') {
                endField();
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 1 : 0;
                endRecord();
                line++;
                recordLine = line;
            } else if (fieldWasQuoted) {
                throw malformed("text after the closing quote of a field; quote the whole field");
            } else {
                field.append(c);
            }
            i++;
        }
        endRecord();
        return records;
    }

    /** Reads a quoted field's content from {@code start}; returns the index after its closing quote. */
    private int readQuoted(int start) {
        if (!field.isEmpty() || fieldWasQuoted) {
            throw malformed("a quote inside an unquoted field; quote the whole field and double inner quotes (\"\")");
        }
        fieldWasQuoted = true;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"') {
                line += c == '\n' ? 1 : 0;
                field.append(c);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else {
                return i + 1;
            }
        }
        throw malformed("a quoted field is never closed; add the closing quote");
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
    }

    private void endRecord() {
        boolean blankLine = fields.isEmpty() && field.isEmpty() && !fieldWasQuoted;
        if (!blankLine) {
            endField();
            records.add(new CsvRecord(recordLine, fields));
        }
        fields.clear();
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException(source + " line " + recordLine + ": " + problem);
    }
}
