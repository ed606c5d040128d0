package io.audiolens.worker.checkpoint;

/** A checkpoint folder that cannot be used as it is; the message names the file or tensor and the fix. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
