package io.audiolens.report.figures;

import io.audiolens.report.chart.LineStyle;
import io.audiolens.report.chart.Palette;
import io.audiolens.report.chart.Rule;
import io.audiolens.report.chart.Ticks;
import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.View;
import java.util.List;
import java.util.stream.Collectors;

/** The same thing looks the same in every figure: P1 is always blue, chance always a grey dashed line. */
final class Styles {

    private Styles() {}

    /** P1, P2, P3 → the first three palette colours, whatever prompts are present. */
    static String promptColor(String prompt) {
        String digits = prompt.replaceAll("\\D", "");
        return Palette.cycle(digits.isEmpty() || digits.length() > 3 ? prompt.hashCode() : Integer.parseInt(digits) - 1);
    }

    static LineStyle view(View view) {
        return switch (view) {
            case LAST -> LineStyle.solid(Palette.BLUE, 2.2);
            case PENULTIMATE -> LineStyle.dashed(Palette.ORANGE, 2.2);
            case LAST_AUDIO_MASKED -> new LineStyle(Palette.GREEN, 2.4, 2, 3);
        };
    }

    /** The horizontal line at 1/|Y|, labelled with its value. */
    static Rule chance(double chance) {
        return Rule.horizontal("chance 1/|Y| = " + Ticks.label(Math.round(chance * 1000) / 1000.0),
                LineStyle.dashed(Palette.GREY, 1.3), chance);
    }

    /** The groups' chance (they share the label set); 0.5 if there is none. */
    static double chance(List<Group> groups) {
        return groups.stream().mapToDouble(Group::chance).findFirst().orElse(0.5);
    }

    /** {@code n = 500 / 500 / 480 (P1 / P2 / P3)}, or {@code n = 500} for one prompt. */
    static String sampleCounts(List<Group> groups) {
        String counts = groups.stream().map(g -> Long.toString(g.samples())).collect(Collectors.joining(" / "));
        return groups.size() == 1 ? "n = " + counts + " (" + groups.get(0).prompt() + ")"
                : "n = " + counts + " (" + groups.stream().map(Group::prompt).collect(Collectors.joining(" / ")) + ")";
    }

    static int layers(List<Group> groups) {
        return groups.stream().mapToInt(Group::layers).max().orElse(1);
    }
}
