package io.audiolens.producers.source;

import static io.audiolens.producers.source.Manifest.ATTRIBUTE;
import static io.audiolens.producers.source.Manifest.LABEL;
import static io.audiolens.producers.source.Manifest.PATH;
import static io.audiolens.producers.source.Manifest.SPLIT;

import java.nio.file.Path;
import java.util.List;

/** A CSV manifest: a header with at least {@code path} and {@code attribute}, then one clip per record. */
final class ManifestCsv {

    private ManifestCsv() {
    }

    static List<ManifestRow> rows(Path manifest) {
        CsvTable table = CsvTable.read(manifest);
        table.requireColumns(PATH, ATTRIBUTE);
        return table.rows().stream()
                .map(row -> new ManifestRow(row.line(), table.value(row, PATH), table.value(row, ATTRIBUTE),
                        table.value(row, LABEL), table.value(row, SPLIT), table.shapeProblem(row)))
                .toList();
    }
}
