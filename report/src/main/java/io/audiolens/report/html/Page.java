package io.audiolens.report.html;

import static io.audiolens.report.text.Xml.escape;

import io.audiolens.report.tables.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An HTML document being written: small helpers that escape every text they are given. */
final class Page {
    /** Cells right-aligned as numbers: 86.67, -0.748, 5.19e-03, 45.0%, 31.0% ± 3.0, 6.83 / 86.67. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9.e%±/ +-]*|n/a|–|undefined( / .*)?");
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

    Page paragraph(String text) {
        return element("p", text);
    }

    Page link(String href, String text) {
        return raw("<a href=\"" + escape(href) + "\">" + escape(text) + "</a>");
    }

    /** The first column names the row; columns whose every cell is a number are right-aligned. */
    Page table(Table table, String caption) {
        List<String> align = new ArrayList<>();
        for (int column = 0; column < table.headers().size(); column++) {
            int c = column;
            boolean numeric = c > 0 && table.rows().stream().allMatch(row -> NUMBER.matcher(row.get(c)).matches());
            align.add(numeric ? " class=\"num\"" : "");
        }
        raw("<div class=\"table-wrap\"><table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr>");
        for (int c = 0; c < table.headers().size(); c++) {
            raw("<th" + align.get(c) + ">" + escape(table.headers().get(c)) + "</th>");
        }
        raw("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            raw("<tr><th scope=\"row\">" + escape(row.get(0)) + "</th>");
            for (int c = 1; c < row.size(); c++) {
                raw("<td" + align.get(c) + ">" + escape(row.get(c)) + "</td>");
            }
            raw("</tr>\n");
        }
        return raw("</tbody>\n</table></div>\n");
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
