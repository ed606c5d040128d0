package io.audiolens.producers.source;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line the line the record starts on, 1-based, for messages
 */
record CsvRecord(int line, List<String> fields) {

    CsvRecord {
        fields = List.copyOf(fields);
    }
}
