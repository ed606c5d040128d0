package io.audiolens.app;

import io.audiolens.schemas.wire.RegistryUnavailableException;
import java.io.PrintWriter;
import java.util.OptionalInt;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * What a command prints when the cluster refuses it, and its exit code: 2 when the user's settings must change
 * (credentials, trust, a client setting Kafka rejects), 1 when the cluster is at fault (a registry that cannot
 * be reached). The messages quote Kafka's and the registry's words, which never hold a credential.
 */
final class ClusterFailures {

    private ClusterFailures() {
    }

    /** Prints the failure and returns its exit code if {@code e} is one of the cluster's; empty otherwise. */
    static OptionalInt report(Throwable e, PrintWriter err) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SslAuthenticationException tls) {
                err.println("audiolens: the TLS handshake with the Kafka cluster failed (" + tls.getMessage() + ");"
                        + " check ssl.truststore.* (the brokers' certificate authority) and security.protocol in"
                        + " --kafka-config FILE");
                return OptionalInt.of(2);
            }
            if (t instanceof AuthenticationException refused) {
                err.println("audiolens: the Kafka cluster did not accept our credentials (" + refused.getMessage()
                        + "); check security.protocol, sasl.mechanism and sasl.jaas.config in --kafka-config FILE");
                return OptionalInt.of(2);
            }
            if (t instanceof RegistryUnavailableException registry) {
                err.println("audiolens: " + registry.getMessage());
                return OptionalInt.of(registry.credentialsRefused() ? 2 : 1);
            }
            if (t instanceof KafkaException && isConstruction(t) && isClientSetting(rootCause(t))) {
                err.println("audiolens: a Kafka client could not be created (" + rootCause(t).getMessage() + "); check"
                        + " --bootstrap-servers and the settings in --kafka-config FILE");
                return OptionalInt.of(2);
            }
        }
        return OptionalInt.empty();
    }

    /** Kafka's producer, consumer and admin constructors wrap what stopped them in these words. */
    private static boolean isConstruction(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return message.startsWith("Failed to construct kafka") || message.startsWith("Failed to create new");
    }

    /** A setting refused while the client was built: a ConfigException, or the JAAS parser's error. */
    private static boolean isClientSetting(Throwable root) {
        return root instanceof ConfigException || root instanceof IllegalArgumentException;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
