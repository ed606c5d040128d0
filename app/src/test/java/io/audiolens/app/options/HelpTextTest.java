package io.audiolens.app.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.AudioLens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders as written: picocli formats descriptions ({@code %n}, {@code %%}), and a
 * lone {@code %} makes it print a warning to stderr and show the raw text instead.
 */
class HelpTextTest {

    @Test
    void shouldRenderEveryCommandsHelpWithoutAFormatWarning() {
        List<CommandLine> commands = new ArrayList<>();
        collect(AudioLens.commandLine(), commands);
        assertTrue(commands.stream().anyMatch(command -> command.getCommandSpec().qualifiedName()
                .equals("audiolens bench aggregator")), "every command and subcommand, down to the benches");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> rawFormats = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine command : commands) {
                String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
                if (usage.contains("%n")) {
                    rawFormats.add(command.getCommandSpec().qualifiedName());
                }
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertEquals(List.of(), rawFormats, "help shown unformatted");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
