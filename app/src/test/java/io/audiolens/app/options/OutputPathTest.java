package io.audiolens.app.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.AudioLens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code --out} that cannot be written is refused as the command line is read: exit 2, naming the
 * option, the path and why, before a platform starts or a model loads. (Tests run as root here, so a folder
 * without write permission would still be writable; a path under a regular file cannot be created by anyone.)
 */
class OutputPathTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeAFile() throws Exception {
        file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
    }

    @Test
    void shouldRefuseAnOutputFolderUnderAFileForEveryCommandThatWritesOne() {
        String under = file.resolve("out").toString();
        for (String[] args : new String[][] {
                {"run", "--out", under, "--dataset", dir.toString(), "--model", dir.toString()},
                {"demo", "--out", under},
                {"report", "--out", under, "--metrics", file.toString()},
                {"train-tiny", "--out", under, "--data", dir.toString()}}) {
            Result result = run(args);

            assertEquals(2, result.exitCode, args[0] + ": " + result.err);
            assertTrue(result.err.contains("Invalid value for option '--out': " + under + " cannot be created: " + file
                    + " is a file, not a folder"), args[0] + ": " + result.err);
        }
        assertFalse(Files.exists(dir.resolve("platform")), "nothing was started");
    }

    @Test
    void shouldRefuseAFileAsAnOutputFolderAndAFolderAsAnOutputFile() {
        Result report = run("report", "--out", file.toString(), "--metrics", file.toString());
        Result aggregate = run("aggregate", "--out", dir.toString(), "--input", file.toString());

        assertEquals(2, report.exitCode);
        assertTrue(report.err.contains(file + " is a file, not a folder; name a folder to write into"), report.err);
        assertEquals(2, aggregate.exitCode);
        assertTrue(aggregate.err.contains(dir + " is a folder; name the file to write, e.g. " + dir.resolve("metrics.json")),
                aggregate.err);
    }

    @Test
    void shouldAcceptAFolderThatDoesNotExistYetWithoutCreatingIt() {
        Path later = dir.resolve("a/b/c");

        assertEquals(later, new OutputPath.Folder().convert(later.toString()));
        assertFalse(Files.exists(dir.resolve("a")));
    }

    private record Result(int exitCode, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = AudioLens.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), err.toString());
    }
}
