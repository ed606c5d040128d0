package io.audiolens.schemas.wire;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.topics.TrustedAvroClasses;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The size a record may have on its way to Kafka. Producers refuse a record over {@code max.request.size}
 * and brokers one over {@code message.max.bytes} (both about 1 MiB by default); inside a transaction that
 * refusal aborts the whole transaction, so a worker would fail on the same input forever. Records that
 * carry bytes from elsewhere (a dead letter's original value, a key taken from a file name) are fitted
 * under {@link #MAX_BYTES} before they are sent.
 */
public final class RecordLimit {

    /** Key and value together: 1 MiB less room for headers, the topic name and the batch's own bytes. */
    public static final int MAX_BYTES = 1_000_000;
    /** What is kept of a key or reason too long to send whole. */
    static final int MAX_TEXT_CHARS = 4_000;

    private static final int WIRE_HEADER_BYTES = 5;

    private RecordLimit() {
    }

    /** Bytes of {@code key} (UTF-8) and {@code value} as a registry serde writes it. */
    public static long size(String key, SpecificRecord value) {
        TrustedAvroClasses.trustAudioLensSchemas();
        CountingStream counted = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counted, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length) + WIRE_HEADER_BYTES + counted.bytes;
    }

    /**
     * {@code letter} if it fits, sent under its original key; else a copy without the original value (the
     * reason says so and where the original stays), and if even that is too big, with its key and reason
     * cut to their first {@value #MAX_TEXT_CHARS} characters.
     */
    public static DeadLetter fit(DeadLetter letter) {
        if (size(letter.getOriginalKey(), letter) <= MAX_BYTES) {
            return letter;
        }
        DeadLetter fitted = DeadLetter.newBuilder(letter).setOriginalValue(null).build();
        if (letter.getOriginalValue() != null) {
            fitted.setReason(letter.getReason() + " (the original value's " + letter.getOriginalValue().remaining()
                    + " bytes are not attached: with them the dead letter would be over the " + MAX_BYTES
                    + "-byte record limit; the original stays at " + where(letter) + ")");
        }
        if (size(fitted.getOriginalKey(), fitted) > MAX_BYTES) {
            fitted.setOriginalKey(cut(fitted.getOriginalKey()));
            fitted.setReason(cut(fitted.getReason()));
        }
        return fitted;
    }

    private static String where(DeadLetter letter) {
        return letter.getOriginalPartition() == null || letter.getOriginalOffset() == null ? letter.getOriginalTopic()
                : letter.getOriginalTopic() + "-" + letter.getOriginalPartition() + "@" + letter.getOriginalOffset();
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        return text.substring(0, MAX_TEXT_CHARS) + "… (" + (text.length() - MAX_TEXT_CHARS) + " more characters cut)";
    }

    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
