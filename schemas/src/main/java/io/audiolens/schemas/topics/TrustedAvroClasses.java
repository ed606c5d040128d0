package io.audiolens.schemas.topics;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate generated classes outside trusted packages when decoding. This adds
 * our own schema package to whatever the JVM already trusts (system properties, other libraries),
 * instead of asking every launcher to set {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 */
public final class TrustedAvroClasses {

    static final String SCHEMA_PACKAGE = "io.audiolens.schemas.";

    private static boolean installed;

    private TrustedAvroClasses() {
    }

    /** Idempotent: trusts {@code io.audiolens.schemas.*} in addition to the current global predicate. */
    public static synchronized void trustAudioLensSchemas() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, TrustedAvroClasses::isOurs));
        installed = true;
    }

    private static boolean isOurs(Class<?> type) {
        return type.getName().startsWith(SCHEMA_PACKAGE);
    }
}
