package io.audiolens.report.metrics;

import java.util.Locale;

/** Where the lens read the residual stream (RQ4). The aggregator writes {@code LAST}, people write {@code last}. */
public enum View {
    LAST("last token"),
    PENULTIMATE("penultimate token"),
    LAST_AUDIO_MASKED("last token, audio masked");

    private final String title;

    View(String title) {
        this.title = title;
    }

    /** Lower-case id as in projections.jsonl: {@code last}, {@code penultimate}, {@code last_audio_masked}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    /** Case-insensitive; also accepts dashes for underscores. */
    public static View parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (View view : values()) {
            if (view.name().equals(name)) {
                return view;
            }
        }
        throw new IllegalArgumentException("unknown view \"" + text + "\" in metrics.json; expected one of "
                + "last, penultimate, last_audio_masked");
    }
}
