package io.audiolens.schemas.topics;

/**
 * The schema registry could not be used: it refused our credentials or access, or it could not be reached.
 * Not a fault of the record at hand, so no stage turns it into a dead letter: the stage stops and says why.
 */
public final class RegistryUnavailableException extends RuntimeException {

    private final boolean credentialsRefused;

    RegistryUnavailableException(String message, boolean credentialsRefused, Throwable cause) {
        super(message, cause);
        this.credentialsRefused = credentialsRefused;
    }

    /** True when the registry answered 401 or 403: the user's settings must change, not the registry's state. */
    public boolean credentialsRefused() {
        return credentialsRefused;
    }
}
