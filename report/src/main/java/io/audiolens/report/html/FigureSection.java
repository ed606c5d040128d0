package io.audiolens.report.html;

import static io.audiolens.report.text.Xml.escape;

import io.audiolens.report.figures.Figure;
import java.util.List;

/** One figure of the paper as a section: a reading guide, then a grid of charts per model. */
final class FigureSection {

    private FigureSection() {}

    static void render(Page page, String id, String title, String howToRead, List<Figure> figures, String whenEmpty) {
        page.raw("<section id=\"" + escape(id) + "\">\n").heading(2, id + "-title", title);
        howToRead(page, howToRead);
        if (figures.isEmpty()) {
            page.raw("<p class=\"empty\">" + escape(whenEmpty) + "</p>\n");
        }
        List<String> models = figures.stream().map(Figure::model).distinct().toList();
        for (String model : models) {
            if (models.size() > 1 || figures.size() > 1) {
                page.element("h3", model);
            }
            page.raw("<div class=\"grid\">\n");
            figures.stream().filter(figure -> figure.model().equals(model)).forEach(figure -> figure(page, figure));
            page.raw("</div>\n");
        }
        page.raw("</section>\n");
    }

    /** {@code html}: one of the {@link ReadingGuide} texts. */
    static void howToRead(Page page, String html) {
        page.raw("<div class=\"how-to-read\"><strong>How to read this.</strong> " + html + "</div>\n");
    }

    static void figure(Page page, Figure figure) {
        page.raw("<figure class=\"chart\">\n<a href=\"" + escape(figure.svgPath()) + "\" title=\"open full size\"><img src=\""
                + escape(figure.svgPath()) + "\" alt=\"" + escape(figure.alt()) + "\"></a>\n<figcaption>");
        page.link(figure.svgPath(), "SVG").raw(" · ").link(figure.pngPath(), "PNG");
        page.raw("</figcaption>\n</figure>\n");
    }
}
