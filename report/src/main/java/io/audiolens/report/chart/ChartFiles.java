package io.audiolens.report.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes one chart as {@code <name>.svg} and {@code <name>.png} (the PNG at twice the SVG's px size). */
public final class ChartFiles {
    private static final int PNG_SCALE = 2;

    static {
        // a report is a batch job: Java2D must draw into images without ever looking for a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartFiles() {}

    /** The SVG and the PNG, in that order. */
    public static List<Path> write(Chart chart, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path svg = folder.resolve(name + ".svg");
        Path png = folder.resolve(name + ".png");
        Files.writeString(svg, svg(chart), StandardCharsets.UTF_8);
        if (!ImageIO.write(png(chart), "png", png.toFile())) {
            throw new IOException("this JVM has no PNG writer for " + png + "; use a full JDK (java.desktop module)");
        }
        return List.of(svg, png);
    }

    public static String svg(Chart chart) {
        ChartLayout layout = ChartLayout.of(chart);
        SvgCanvas canvas = new SvgCanvas(layout.width(), layout.height(), chart.title() + " — " + chart.subtitle());
        new ChartPainter(chart, layout, canvas).paint();
        return canvas.toSvg();
    }

    public static BufferedImage png(Chart chart) {
        ChartLayout layout = ChartLayout.of(chart);
        PngCanvas canvas = new PngCanvas(layout.width(), layout.height(), PNG_SCALE);
        new ChartPainter(chart, layout, canvas).paint();
        return canvas.finish();
    }
}
