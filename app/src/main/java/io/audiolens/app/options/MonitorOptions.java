package io.audiolens.app.options;

import io.audiolens.aggregator.monitor.MonitorSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The monitor's windows, baseline and thresholds, for every command that runs an aggregator. */
public final class MonitorOptions {
    private static final MonitorSettings DEFAULTS = MonitorSettings.defaults();

    @Option(names = "--window", paramLabel = "DURATION", description = "monitor window size, ISO-8601 or like 60s"
            + " (default: 60s)")
    String window;

    @Option(names = "--grace", paramLabel = "DURATION", description = "how late a record may come for its window"
            + " (default: 10s); later ones are counted as late")
    String grace;

    @Option(names = "--baseline-windows", paramLabel = "K", description = "a group's default baseline: its first K"
            + " windows with enough samples (default: 5)")
    Integer baselineWindows;

    @Option(names = "--min-window-samples", paramLabel = "N", description = "fewer samples: a window is shown but not"
            + " evaluated (default: 20)")
    Integer minSamples;

    @Option(names = "--alert-after", paramLabel = "M", description = "windows in a row beyond a threshold that raise"
            + " an alert, and within it that recover (default: 3)")
    Integer inARow;

    @Option(names = "--answer-mix-threshold", paramLabel = "BITS", description = "Jensen–Shannon divergence of the"
            + " answers (default: 0.1)")
    Double answerMix;

    @Option(names = "--settle-shift-threshold", paramLabel = "FRACTION", description = "shift of the mean settle"
            + " layer, as a fraction of the model's depth (default: 0.1, i.e. 3.2 layers of 32)")
    Double settleShift;

    @Option(names = "--agreement-threshold", paramLabel = "L1", description = "L1 distance of the agreement curves"
            + " divided by the depth (default: 0.1)")
    Double agreement;

    /** The given values over {@code base}; a bad value fails naming its option. */
    public MonitorSettings settings(MonitorSettings base) {
        try {
            return base.withWindow(window == null ? base.window() : duration("--window", window),
                            grace == null ? base.grace() : duration("--grace", grace))
                    .withBaseline(or(baselineWindows, base.baselineWindows()), or(minSamples, base.minSamples()),
                            or(inARow, base.windowsInARow()))
                    .withThresholds(or(answerMix, base.answerMixBits()), or(settleShift, base.settleShiftFraction()),
                            or(agreement, base.agreementDistance()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; see --help for the monitor's options", e);
        }
    }

    public MonitorSettings settings() {
        return settings(DEFAULTS);
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT1M}). */
    public static Duration duration(String option, String written) {
        String text = written.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            switch (text.charAt(text.length() - 1)) {
                case 's': return Duration.ofSeconds(amount);
                case 'm': return Duration.ofMinutes(amount);
                case 'h': return Duration.ofHours(amount);
                default: break;
            }
        } catch (RuntimeException e) {
            // named below
        }
        throw new IllegalArgumentException(option + " " + written + " is not a duration; write it like 60s, 2m,"
                + " 500ms or PT1M");
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
