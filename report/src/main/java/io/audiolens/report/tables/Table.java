package io.audiolens.report.tables;

import java.util.List;
import java.util.stream.Collectors;

/** A table of already formatted cells; the same cells become Markdown, CSV or HTML. */
public record Table(List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size()
                        + " headers " + headers);
            }
        }
    }

    /** GitHub-flavoured Markdown, pipes in cells escaped. */
    public String toMarkdown() {
        StringBuilder markdown = new StringBuilder(markdownRow(headers));
        markdown.append(headers.stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        rows.forEach(row -> markdown.append(markdownRow(row)));
        return markdown.toString();
    }

    /** RFC 4180: comma-separated, CRLF-free (plain \n), cells quoted when they need it. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(csvRow(headers));
        rows.forEach(row -> csv.append(csvRow(row)));
        return csv.toString();
    }

    private static String markdownRow(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String csvRow(List<String> cells) {
        return cells.stream().map(Table::csvCell).collect(Collectors.joining(",", "", "\n"));
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
