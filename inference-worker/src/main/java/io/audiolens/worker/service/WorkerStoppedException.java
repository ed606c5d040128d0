package io.audiolens.worker.service;

/** A worker stopped because one of its background loops failed; the message names the loop and the cause. */
public final class WorkerStoppedException extends RuntimeException {
    WorkerStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
