package io.audiolens.report.figures;

import io.audiolens.report.chart.Chart;

/**
 * One chart of the report and where it goes: {@code name} is the file name without extension (unique in
 * the report), {@code model} the section it belongs to. Its files live in {@link #FOLDER} of the report.
 */
public record Figure(String model, String name, Chart chart) {
    public static final String FOLDER = "figures";

    /** Relative to the report folder, with forward slashes (a URL path in index.html). */
    public String svgPath() {
        return FOLDER + "/" + name + ".svg";
    }

    public String pngPath() {
        return FOLDER + "/" + name + ".png";
    }

    /** What a screen reader says, and what shows if the image is missing. */
    public String alt() {
        return chart.title() + " — " + chart.subtitle();
    }
}
