package io.audiolens.schemas.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordLimitTest {

    @Test
    void shouldCountTheBytesTheSerdeWritesBesideTheKey() {
        DeadLetter letter = letter("k", 1_000, "why");
        byte[] avro = avroBody(letter);

        assertEquals(1 + 5 + avro.length, RecordLimit.size("k", letter));
    }

    @Test
    void shouldSendALetterThatFitsAsItIs() {
        DeadLetter letter = letter("k", RecordLimit.MAX_BYTES - 200, "why");

        assertSame(letter, RecordLimit.fit(letter));
    }

    @Test
    void shouldDropAnOriginalValueThatWouldNotFitAndSayWhereItStays() {
        DeadLetter fitted = RecordLimit.fit(letter("k", RecordLimit.MAX_BYTES, "unknown attribute 'colour'"));

        assertNull(fitted.getOriginalValue());
        assertEquals("k", fitted.getOriginalKey());
        assertEquals("unknown attribute 'colour' (the original value's 1000000 bytes are not attached: with them the"
                + " dead letter would be over the 1000000-byte record limit; the original stays at"
                + " audiolens.samples-4@17)", fitted.getReason());
        assertTrue(RecordLimit.size(fitted.getOriginalKey(), fitted) <= RecordLimit.MAX_BYTES);
    }

    @Test
    void shouldCutAKeyAndReasonTooLongToSend() {
        String key = "d/gender/" + "x".repeat(600_000);
        DeadLetter fitted = RecordLimit.fit(letter(key, 0, key + ": file not found"));

        assertEquals(key.substring(0, 4_000) + "… (" + (key.length() - 4_000) + " more characters cut)",
                fitted.getOriginalKey());
        assertTrue(fitted.getReason().startsWith(key.substring(0, 4_000) + "… ("), fitted.getReason());
        assertTrue(RecordLimit.size(fitted.getOriginalKey(), fitted) < 13_000, "the key twice and the reason, each cut");
    }

    private static DeadLetter letter(String key, int originalBytes, String reason) {
        return DeadLetter.newBuilder().setOriginalTopic("audiolens.samples").setOriginalPartition(4)
                .setOriginalOffset(17L).setOriginalKey(key)
                .setOriginalValue(originalBytes == 0 ? null : ByteBuffer.wrap(new byte[originalBytes]))
                .setStage("test").setReason(reason).setTimestamp(Instant.EPOCH).build();
    }

    /** The Avro body alone, as the registry serde writes it after its 5-byte header. */
    private static byte[] avroBody(DeadLetter letter) {
        var out = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        try {
            new org.apache.avro.specific.SpecificDatumWriter<>(DeadLetter.class).write(letter, encoder);
            encoder.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
