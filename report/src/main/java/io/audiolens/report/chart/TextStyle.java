package io.audiolens.report.chart;

/** Font size in px, colour, bold, horizontal anchor, and whether the text runs bottom to top (y-axis label). */
record TextStyle(double size, String color, boolean bold, Anchor anchor, boolean vertical) {

    enum Anchor { START, MIDDLE, END }

    static TextStyle plain(double size, String color, Anchor anchor) {
        return new TextStyle(size, color, false, anchor, false);
    }

    TextStyle inBold() {
        return new TextStyle(size, color, true, anchor, vertical);
    }

    TextStyle turned() {
        return new TextStyle(size, color, bold, anchor, true);
    }
}
