package io.audiolens.producers.clip;

/** A clip that cannot become an AudioSample; the reason says why and, where there is one, the fix. */
public final class ClipRejected extends Exception {

    public ClipRejected(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
