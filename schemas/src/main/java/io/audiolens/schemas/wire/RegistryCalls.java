package io.audiolens.schemas.wire;

import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a serde call that may ask the schema registry, and asks again while the registry does not answer
 * (unreachable, failing, refusing this client), as {@link RegistryPatience} allows; then {@link
 * RegistryUnavailableException}. A registry that answers "not found" did answer: that is passed on at once.
 */
final class RegistryCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryCalls.class);

    private final String registry;
    private final RegistryPatience patience;

    RegistryCalls(String registry, RegistryPatience patience) {
        this.registry = registry;
        this.patience = patience;
    }

    /** The registry as messages name it, {@code the schema registry at URL}. */
    String registry() {
        return registry;
    }

    /**
     * {@code call}'s result; {@code doing} says what for ({@code reading audiolens.samples-2@7}) and {@code
     * then} what becomes of the record, in the message of a registry that did not answer.
     */
    <T> T run(Supplier<T> call, String doing, String then) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (refusedCredentials(e)) {
                    throw e; // the user's settings must change: asking again cannot help
                }
                Optional<RestClientException> asked = registryError(e);
                if (asked.isEmpty() || asked.get() instanceof NotFoundException) {
                    throw e;
                }
                if (attempt >= patience.attempts()) {
                    throw new RegistryUnavailableException(registry + " did not answer for " + seconds(patience.total())
                            + " (" + patience.attempts() + " attempts: " + describe(asked.get()) + ") while " + doing
                            + "; " + then + ": start the registry or check the registry URL", e);
                }
                LOG.warn("{} unreachable {} ({}); attempt {} of {}, again in {}", registry, doing, describe(asked.get()),
                        attempt, patience.attempts(), seconds(patience.backoff()));
                pause(doing, e);
            }
        }
    }

    private static boolean refusedCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnavailableException unavailable && unavailable.credentialsRefused()) {
                return true;
            }
        }
        return false;
    }

    static Optional<RestClientException> registryError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestClientException asked) {
                return Optional.of(asked);
            }
        }
        return Optional.empty();
    }

    /** {@code HTTP 404 ContentNotFoundException: ...}, or {@code ConnectException} when there was no answer. */
    static String describe(RestClientException e) {
        Error error = e.getError();
        if (error == null) {
            return e.toString();
        }
        return (error.getErrorCode() == null ? "" : "HTTP " + error.getErrorCode() + " ") + error.getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    private void pause(String doing, RuntimeException cause) {
        try {
            Thread.sleep(patience.backoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting for " + registry + ", " + doing, cause);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
