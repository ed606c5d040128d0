package io.audiolens.report.tables;

import io.audiolens.report.chart.Ticks;
import io.audiolens.report.metrics.Enrichment;
import io.audiolens.report.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Figure 5's numbers for one enrichment entry: per λ, accuracy, random baseline and relative gain. */
public final class EnrichmentTable {

    private EnrichmentTable() {}

    public static Table of(Enrichment entry) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < entry.lambdas().size(); i++) {
            rows.add(List.of(Ticks.label(entry.lambdas().get(i)), Numbers.shortPercent(entry.accuracy().get(i)),
                    random(entry.randomMean().get(i), entry.randomStd().get(i)),
                    Numbers.signedPercent(entry.relativeGain().get(i))));
        }
        return new Table(List.of("λ", "accuracy", "random source layer (mean ± std)", "gain vs λ = 0"), rows);
    }

    /** What the entry is about, for headings: {@code model · attribute · P3, source layer 12 → 17, 400 test samples}. */
    public static String title(Enrichment entry) {
        return entry.model() + " · " + entry.attribute() + " · " + entry.prompt() + ", source layer "
                + (entry.sourceLayer() == null ? "?" : entry.sourceLayer()) + " → "
                + (entry.targetLayer() == null ? "?" : entry.targetLayer()) + ", " + entry.testSamples() + " test samples";
    }

    private static String random(Double mean, Double std) {
        if (mean == null) {
            return "n/a";
        }
        return std == null ? Numbers.shortPercent(mean)
                : Numbers.shortPercent(mean) + String.format(Locale.ROOT, " ± %.1f", 100 * std);
    }
}
