package io.audiolens.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Java2D drawing into an image at {@code scale} × the chart's px size (2 = crisp on high-density screens). */
final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(double width, double height, int scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(scale, scale);
        rect(0, 0, width, height, "#ffffff");
    }

    @Override
    public void beginGroup(String kind, String name) {}

    @Override
    public void endGroup() {}

    @Override
    public void line(double x1, double y1, double x2, double y2, LineStyle style) {
        stroke(style);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, LineStyle style) {
        stroke(style);
        g.draw(path(xs, ys, false));
    }

    @Override
    public void polygon(double[] xs, double[] ys, String fill, double opacity) {
        Color color = Color.decode(fill);
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(opacity * 255)));
        g.fill(path(xs, ys, true));
    }

    @Override
    public void dot(double x, double y, double radius, String fill) {
        g.setColor(Color.decode(fill));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill) {
        g.setColor(Color.decode(fill));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        g.setFont(new Font("DejaVu Sans", style.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) style.size()));
        g.setColor(Color.decode(style.color()));
        FontMetrics metrics = g.getFontMetrics();
        double width = metrics.getStringBounds(text, g).getWidth();
        double shift = switch (style.anchor()) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (style.vertical()) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    private void stroke(LineStyle style) {
        g.setColor(Color.decode(style.color()));
        float[] dash = new float[style.dash().length];
        for (int i = 0; i < dash.length; i++) {
            dash[i] = (float) style.dash()[i];
        }
        g.setStroke(dash.length == 0
                ? new BasicStroke((float) style.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke((float) style.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    private static Path2D path(double[] xs, double[] ys, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }
}
