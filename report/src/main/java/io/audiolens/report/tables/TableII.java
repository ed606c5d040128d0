package io.audiolens.report.tables;

import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.metrics.TableIIRow;
import io.audiolens.report.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/** Table II: critical layer and accuracy (%) per model × attribute, view last, averaged over P1–P3. */
public final class TableII {

    private TableII() {}

    /** As in the paper: a row per model, a column per attribute, cells {@code 23.90 / 85.00}. */
    public static Table pivot(RunMetrics metrics) {
        List<String> attributes = metrics.tableII().stream().map(TableIIRow::attribute).distinct()
                .sorted(RunMetrics.ATTRIBUTE_ORDER).toList();
        List<String> headers = new ArrayList<>();
        headers.add("model");
        attributes.forEach(attribute -> headers.add(attribute + ": ℓ* / accuracy %"));
        List<List<String>> rows = new ArrayList<>();
        for (String model : metrics.tableII().stream().map(TableIIRow::model).distinct().toList()) {
            List<String> row = new ArrayList<>();
            row.add(model);
            for (String attribute : attributes) {
                row.add(metrics.tableII().stream()
                        .filter(r -> r.model().equals(model) && r.attribute().equals(attribute)).findFirst()
                        .map(TableII::cell).orElse("–"));
            }
            rows.add(row);
        }
        return new Table(headers, rows);
    }

    /** One line per model × attribute; empty cells where undefined. */
    public static Table csv(RunMetrics metrics) {
        return new Table(List.of("model", "attribute", "critical_layer", "accuracy_percent"),
                metrics.tableII().stream().map(row -> List.of(row.model(), row.attribute(),
                        Numbers.twoDecimals(row.criticalLayer()), Numbers.percent(row.accuracy()))).toList());
    }

    private static String cell(TableIIRow row) {
        return Numbers.orElse(Numbers.twoDecimals(row.criticalLayer()), "undefined") + " / "
                + Numbers.orElse(Numbers.percent(row.accuracy()), "n/a");
    }
}
