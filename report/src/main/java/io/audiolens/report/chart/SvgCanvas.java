package io.audiolens.report.chart;

import static io.audiolens.report.text.Xml.escape;

import java.util.Locale;

/** Builds a standalone SVG 1.1 document (explicit width and height, so an {@code <img>} knows its size). */
final class SvgCanvas implements Canvas {
    static final String FONTS = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

    private final StringBuilder svg = new StringBuilder();
    private final double width;
    private final double height;

    SvgCanvas(double width, double height, String title) {
        this.width = width;
        this.height = height;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" font-family=\"").append(FONTS).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff");
    }

    @Override
    public void beginGroup(String kind, String name) {
        svg.append("<g class=\"").append(escape(kind)).append("\" data-name=\"").append(escape(name)).append("\">\n");
    }

    @Override
    public void endGroup() {
        svg.append("</g>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, LineStyle style) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(stroke(style)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, LineStyle style) {
        svg.append("<polyline fill=\"none\" stroke-linejoin=\"round\" points=\"").append(points(xs, ys)).append('"')
                .append(stroke(style)).append("/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, String fill, double opacity) {
        svg.append("<polygon points=\"").append(points(xs, ys)).append("\" fill=\"").append(fill)
                .append("\" fill-opacity=\"").append(n(opacity)).append("\" stroke=\"none\"/>\n");
    }

    @Override
    public void dot(double x, double y, double radius, String fill) {
        svg.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(radius))
                .append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(style.size())).append("\" fill=\"").append(style.color()).append("\" text-anchor=\"")
                .append(switch (style.anchor()) {
                    case START -> "start";
                    case MIDDLE -> "middle";
                    case END -> "end";
                }).append('"');
        if (style.bold()) {
            svg.append(" font-weight=\"bold\"");
        }
        if (style.vertical()) {
            svg.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    String toSvg() {
        return svg + "</svg>\n";
    }

    private static String stroke(LineStyle style) {
        StringBuilder attributes = new StringBuilder(" stroke=\"").append(style.color()).append("\" stroke-width=\"")
                .append(n(style.width())).append('"');
        if (style.isDashed()) {
            attributes.append(" stroke-dasharray=\"");
            for (int i = 0; i < style.dash().length; i++) {
                attributes.append(i == 0 ? "" : " ").append(n(style.dash()[i]));
            }
            attributes.append('"');
        } else {
            attributes.append(" stroke-linecap=\"round\"");
        }
        return attributes.toString();
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return points.toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
