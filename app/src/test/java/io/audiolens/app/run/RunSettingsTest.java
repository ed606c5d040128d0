package io.audiolens.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `run` hands the aggregator it starts: the enrichment offset. */
class RunSettingsTest {

    @Test
    void shouldScaleTheOffsetToTheModelUnlessGiven() {
        RunSettings defaults = parse().settings();
        assertEquals(1, defaults.aggregationParameters().targetOffset(8));
        assertEquals(5, defaults.aggregationParameters().targetOffset(32));

        RunSettings fixed = parse("--enrich-offset", "5").settings();
        assertEquals(5, fixed.aggregationParameters().targetOffset(8));
        assertEquals(20, fixed.aggregationParameters().probeSize());
    }

    @Test
    void shouldNameTheOptionWhenTheOffsetIsBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--enrich-offset", "0").settings());
        assertEquals("--enrich-offset must be at least 1, got 0", e.getMessage());
    }

    private static RunCommand parse(String... extra) {
        RunCommand command = new RunCommand();
        String[] base = {"--dataset", "data", "--model", TestSamples.FIXTURE.toString(), "--out", "out", "--probe-size",
            "20", "--device", "cpu"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        new CommandLine(command).parseArgs(all);
        return command;
    }
}
