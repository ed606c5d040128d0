package io.audiolens.schemas.wire;

/**
 * The schema registry could not be asked for a record's schema (unreachable, failing, or refusing this
 * client) after every retry. The record is not at fault: it is not dead-lettered, and the stage that read
 * it stops without committing it, so that it is read again once the registry is back.
 */
public final class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
