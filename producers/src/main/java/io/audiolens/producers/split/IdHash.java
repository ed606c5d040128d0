package io.audiolens.producers.split;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * The first 64 bits of SHA-256 of a sample id's UTF-8 bytes: a position for the id that is the same in
 * every run, on every machine, and unrelated to file names or listing order.
 */
public final class IdHash {

    /** Smallest hash first (as unsigned 64-bit numbers), ties by id. */
    public static final Comparator<String> ORDER =
            Comparator.comparing(IdHash::of, Long::compareUnsigned).thenComparing(Comparator.naturalOrder());

    private static final double TWO_TO_53 = 0x1p53;

    private IdHash() {
    }

    public static long of(String sampleId) {
        return ByteBuffer.wrap(sha256().digest(sampleId.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /** The hash as a fraction in [0, 1): its top 53 bits over 2^53. */
    public static double fraction(String sampleId) {
        return (of(sampleId) >>> 11) / TWO_TO_53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
