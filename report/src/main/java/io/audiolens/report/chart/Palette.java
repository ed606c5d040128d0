package io.audiolens.report.chart;

import java.util.List;

/** The report's colours: a colour-blind-safe set (Okabe–Ito), plus greys for reference lines. */
public final class Palette {
    public static final String BLUE = "#0072B2";
    public static final String ORANGE = "#E69F00";
    public static final String GREEN = "#009E73";
    public static final String VERMILION = "#D55E00";
    public static final String PURPLE = "#CC79A7";
    public static final String SKY = "#56B4E9";
    public static final String GREY = "#7A7A7A";
    public static final String LIGHT_GREY = "#E3E3E3";
    public static final String INK = "#222222";

    private static final List<String> CYCLE = List.of(BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY);

    private Palette() {}

    /** The i-th colour of a series cycle (P1, P2, P3, ...). */
    public static String cycle(int i) {
        return CYCLE.get(Math.floorMod(i, CYCLE.size()));
    }
}
