package io.audiolens.schemas.wire;

import java.time.Duration;

/**
 * How long a reader keeps asking an unreachable schema registry before it gives up: {@code attempts}
 * in all, {@code backoff} apart.
 */
public record RegistryPatience(int attempts, Duration backoff) {

    /** About half a minute: a registry restart fits, a registry that is gone is reported soon. */
    public static final RegistryPatience DEFAULT = new RegistryPatience(10, Duration.ofSeconds(3));

    public RegistryPatience {
        if (attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("registry patience needs at least one attempt and a backoff >= 0, got "
                    + attempts + " attempts " + backoff + " apart");
        }
    }

    /** The time given up to the last attempt. */
    public Duration total() {
        return backoff.multipliedBy(attempts - 1L);
    }
}
