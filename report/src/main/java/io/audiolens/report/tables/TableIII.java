package io.audiolens.report.tables;

import static io.audiolens.report.text.Numbers.orElse;

import io.audiolens.report.metrics.Correlation;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.text.Numbers;
import java.util.List;

/** Table III: Pearson r (p) between critical layers and accuracies over attribute × prompt, with and without gender. */
public final class TableIII {

    private TableIII() {}

    /** For reading: "undefined" where r or p is. */
    public static Table display(RunMetrics metrics) {
        return new Table(List.of("model", "r", "p", "points", "r excl. gender", "p excl. gender", "points excl. gender"),
                metrics.correlations().stream().map(c -> row(c, "undefined")).toList());
    }

    /** For spreadsheets: empty cells where undefined. */
    public static Table csv(RunMetrics metrics) {
        return new Table(List.of("model", "r", "p", "points", "r_excluding_gender", "p_excluding_gender",
                "points_excluding_gender"), metrics.correlations().stream().map(c -> row(c, "")).toList());
    }

    private static List<String> row(Correlation c, String undefined) {
        return List.of(c.model(), orElse(Numbers.correlation(c.r()), undefined), orElse(Numbers.pValue(c.p()), undefined),
                Numbers.count(c.points()), orElse(Numbers.correlation(c.rExcludingGender()), undefined),
                orElse(Numbers.pValue(c.pExcludingGender()), undefined), Numbers.count(c.pointsExcludingGender()));
    }
}
