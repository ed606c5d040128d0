package io.audiolens.schemas.wire;

/**
 * The schema registry could not be used: it refused our credentials or access, or it could not be reached or
 * did not answer after every retry. The record at hand is not at fault: it is not dead-lettered, and the
 * stage that read it stops without committing it, so that it is read again once the registry is back.
 */
public final class RegistryUnavailableException extends RuntimeException {

    private final boolean credentialsRefused;

    public RegistryUnavailableException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public RegistryUnavailableException(String message, boolean credentialsRefused, Throwable cause) {
        super(message, cause);
        this.credentialsRefused = credentialsRefused;
    }

    /** True when the registry answered 401 or 403: the user's settings must change, asking again will not help. */
    public boolean credentialsRefused() {
        return credentialsRefused;
    }
}
