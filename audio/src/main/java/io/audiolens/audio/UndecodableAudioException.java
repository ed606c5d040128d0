package io.audiolens.audio;

/**
 * Audio that cannot be turned into 16 kHz mono PCM16. The message names the source and the reason, and
 * where there is one, the fix; {@link #source()} and {@link #reason()} carry the parts for structured logs.
 */
public final class UndecodableAudioException extends Exception {

    private final String source;
    private final String reason;

    public UndecodableAudioException(String source, String reason) {
        this(source, reason, null);
    }

    public UndecodableAudioException(String source, String reason, Throwable cause) {
        super("cannot decode audio " + source + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }
}
