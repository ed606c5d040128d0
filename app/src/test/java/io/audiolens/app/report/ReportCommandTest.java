package io.audiolens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    private static final String METRICS = """
            {"groups": [{"model": "m", "attribute": "gender", "prompt": "P1", "view": "LAST", "samples": 2,
              "correct": 1, "accuracy": 0.5, "chance": 0.5, "infoScore": [0.5, 0.5], "infoScoreCorrect": [0.0, 1.0],
              "infoScoreIncorrect": [1.0, 0.0], "criticalLayer": null}],
             "tableII": [{"model": "m", "attribute": "gender", "criticalLayer": null, "accuracy": 0.5}],
             "correlations": [], "enrichment": [], "rejected": 0}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheReportFolderAndSayWhereToOpenIt() throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.json"), METRICS);
        Path projections = Files.writeString(dir.resolve("projections.jsonl"), "{}\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--metrics", metrics.toString(), "--projections", projections.toString(),
                "--out", dir.resolve("report").toString());

        assertEquals(0, exit);
        assertTrue(Files.isRegularFile(dir.resolve("report/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("report/projections.jsonl")));
        assertTrue(Files.isRegularFile(dir.resolve("report/figures/fig2-m-gender.png")));
        assertTrue(out.toString().startsWith("wrote 12 files; open file:"), out.toString());
    }

    @Test
    void shouldRequireMetricsAndOut() {
        assertThrows(CommandLine.MissingParameterException.class,
                () -> new CommandLine(new ReportCommand()).parseArgs("--metrics", "metrics.json"));
    }
}
