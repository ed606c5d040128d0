package io.audiolens.report.html;

import static io.audiolens.report.text.Xml.escape;

import io.audiolens.report.tables.Table;
import java.util.List;

/** An HTML document being written: small helpers that escape every text they are given. */
final class Page {
    private final StringBuilder html = new StringBuilder();

    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    Page element(String tag, String text) {
        return raw("<" + tag + ">" + escape(text) + "</" + tag + ">\n");
    }

    Page heading(int level, String id, String text) {
        return raw("<h" + level + " id=\"" + escape(id) + "\">" + escape(text) + "</h" + level + ">\n");
    }

    /** A paragraph whose text may carry the few inline tags of {@link #inline}. */
    Page paragraph(String text) {
        return raw("<p>" + inline(text) + "</p>\n");
    }

    Page link(String href, String text) {
        return raw("<a href=\"" + escape(href) + "\">" + escape(text) + "</a>");
    }

    Page table(Table table, String caption) {
        raw("<div class=\"table-wrap\"><table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr>");
        table.headers().forEach(header -> raw("<th>" + escape(header) + "</th>"));
        raw("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            raw("<tr>");
            for (int i = 0; i < row.size(); i++) {
                raw(i == 0 ? "<th scope=\"row\">" + escape(row.get(i)) + "</th>" : "<td>" + escape(row.get(i)) + "</td>");
            }
            raw("</tr>\n");
        }
        return raw("</tbody>\n</table></div>\n");
    }

    /** Escapes {@code text}, then turns {@code *word*} into emphasis and {@code `code`} into code. */
    static String inline(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>").replaceAll("\\*([^*]+)\\*", "<em>$1</em>");
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
