package io.audiolens.embedded;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secured listeners an embedded broker opens beside its PLAINTEXT one (which the controller, the
 * broker itself and the platform's topic setup keep using): {@code SASL_PLAINTEXT}, and {@code SASL_SSL}
 * when a TLS identity is given. Both take the mechanisms PLAIN and SCRAM-SHA-512 for the same users.
 * Without users no secured listener is opened.
 *
 * @param users name → password; names and passwords of letters, digits and {@code .-_+!#%} only, as they
 *              go into JAAS strings unquoted
 */
public record BrokerSecurity(Map<String, String> users, Optional<TlsIdentity> tls) {

    public static final BrokerSecurity NONE = new BrokerSecurity(Map.of(), Optional.empty());

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._+!#%-]+");

    public BrokerSecurity {
        users = Map.copyOf(users);
        users.forEach((user, password) -> {
            if (!PLAIN_TOKEN.matcher(user).matches() || !PLAIN_TOKEN.matcher(password).matches()) {
                throw new IllegalArgumentException("embedded broker user " + user + ": names and passwords may hold"
                        + " letters, digits and .-_+!#% only");
            }
        });
        if (tls.isPresent() && users.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity opens SASL_SSL, which needs at least one user");
        }
    }

    /** A SASL_PLAINTEXT listener for these users. */
    public static BrokerSecurity sasl(Map<String, String> users) {
        return new BrokerSecurity(users, Optional.empty());
    }

    /** These users, also over TLS with {@code identity}. */
    public BrokerSecurity withTls(TlsIdentity identity) {
        return new BrokerSecurity(users, Optional.of(identity));
    }

    boolean isSecured() {
        return !users.isEmpty();
    }
}
