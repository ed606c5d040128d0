package io.audiolens.aggregator.monitor;

import java.time.Duration;

/**
 * How the monitor windows, baselines and alerts. The defaults suit a deployed model that hears tens of
 * clips a minute; see the README's "Watching a deployed model".
 *
 * @param window size of the event-time tumbling windows (event time: the sample's produce time)
 * @param grace how long after its end a window still takes records; later ones are counted as late
 * @param history how many windows per group are kept and served
 * @param baselineWindows the default baseline: the group's first this many windows with enough samples
 * @param minSamples a closed window with fewer samples is shown but neither evaluated nor used as baseline
 * @param windowsInARow M: a distance beyond its threshold in M evaluated windows in a row raises an alert; M
 *     in a row within it recovers
 * @param answerMixBits threshold of the Jensen–Shannon divergence of the answers, in bits (0 to 1)
 * @param settleShiftFraction threshold of the mean settle layer's shift, as a fraction of the model's depth L
 * @param agreementDistance threshold of the agreement curves' L1 distance divided by L (0 to 1)
 */
public record MonitorSettings(Duration window, Duration grace, int history, int baselineWindows, int minSamples,
        int windowsInARow, double answerMixBits, double settleShiftFraction, double agreementDistance) {

    public MonitorSettings {
        requirePositive("window", window);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        for (int count : new int[] {history, baselineWindows, minSamples, windowsInARow}) {
            if (count < 1) {
                throw new IllegalArgumentException("history, baseline windows, min samples and windows in a row must"
                        + " be at least 1, got " + history + ", " + baselineWindows + ", " + minSamples + ", "
                        + windowsInARow);
            }
        }
        for (double threshold : new double[] {answerMixBits, settleShiftFraction, agreementDistance}) {
            if (!(threshold > 0) || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("thresholds must be finite and above 0, got answer mix "
                        + answerMixBits + ", settle shift " + settleShiftFraction + ", agreement " + agreementDistance);
            }
        }
    }

    /** 60 s windows with 10 s grace, 60 kept; baseline of 5 windows; 20 samples; 3 in a row; 0.1 / 0.1·L / 0.1. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), 60, 5, 20, 3, 0.1, 0.1, 0.1);
    }

    public MonitorSettings withWindow(Duration size, Duration lateness) {
        return new MonitorSettings(size, lateness, history, baselineWindows, minSamples, windowsInARow, answerMixBits,
                settleShiftFraction, agreementDistance);
    }

    public MonitorSettings withBaseline(int windows, int samples, int inARow) {
        return new MonitorSettings(window, grace, history, windows, samples, inARow, answerMixBits,
                settleShiftFraction, agreementDistance);
    }

    public MonitorSettings withThresholds(double answerMix, double settleShift, double agreement) {
        return new MonitorSettings(window, grace, history, baselineWindows, minSamples, windowsInARow, answerMix,
                settleShift, agreement);
    }

    /** The settle-layer threshold in layers for a model of {@code layers} decoder layers. */
    public double settleShiftLayers(int layers) {
        return settleShiftFraction * layers;
    }

    /** How long windows stay in the store: the history plus the grace of the newest. */
    public Duration retention() {
        return window.multipliedBy(history).plus(grace);
    }

    /** Start of the window that event time {@code timestamp} falls in. */
    public long windowStart(long timestamp) {
        return Math.floorDiv(timestamp, window.toMillis()) * window.toMillis();
    }

    /** Whether the window starting at {@code start} is closed once stream time reached {@code streamTime}. */
    public boolean isClosed(long start, long streamTime) {
        return start + window.toMillis() + grace.toMillis() <= streamTime;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
