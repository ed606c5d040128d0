package io.audiolens.worker.model.api;

/**
 * A clip the model cannot take as it is (too short for one audio vector, say): the sample is at fault,
 * not the model, so a worker dead-letters it with this message and goes on.
 */
public final class UnusableAudioException extends IllegalArgumentException {
    public UnusableAudioException(String message) {
        super(message);
    }
}
