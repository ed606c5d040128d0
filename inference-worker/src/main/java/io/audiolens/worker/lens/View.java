package io.audiolens.worker.lens;

import java.util.Locale;

/** Where the lens reads (RQ4): the last prompt token, the one before it, or the last with audio masked. */
public enum View {
    LAST, PENULTIMATE, LAST_AUDIO_MASKED;

    /** The name used in events, state-store keys and reports: {@code last}, {@code penultimate}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static View parse(String id) {
        for (View view : values()) {
            if (view.id().equals(id)) {
                return view;
            }
        }
        throw new IllegalArgumentException("unknown view '" + id + "'; use last, penultimate or last_audio_masked");
    }
}
