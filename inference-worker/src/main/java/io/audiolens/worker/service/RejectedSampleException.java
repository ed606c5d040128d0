package io.audiolens.worker.service;

/** A sample the worker cannot use as it is; it goes to the dead-letter topic with this reason. */
final class RejectedSampleException extends RuntimeException {
    RejectedSampleException(String reason) {
        super(reason);
    }
}
