package io.audiolens.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The {@code audiolens} command line as the bench tests run it. */
final class BenchCli {

    private BenchCli() {
    }

    /** Runs {@code args}, which must exit 0; returns stdout, stderr goes to {@code err}. */
    static String run(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute(args), err.toString());
        return out.toString();
    }
}
