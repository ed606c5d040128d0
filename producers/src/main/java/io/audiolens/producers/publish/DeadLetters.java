package io.audiolens.producers.publish;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RecordLimit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The dead letter for a rejected clip: stage {@value #STAGE}, key and original key the would-be sample
 * id, value the file's bytes when the file exists and holds at most {@value #MAX_ORIGINAL_BYTES} bytes
 * (larger files would not fit a Kafka record; the reason then says where the file is). A key or reason
 * too long for a record is cut ({@link RecordLimit#fit}).
 */
final class DeadLetters {

    static final String STAGE = "produce";
    static final int MAX_ORIGINAL_BYTES = 512 * 1024;

    private DeadLetters() {
    }

    static DeadLetter of(Rejection rejection, Path file) {
        String reason = rejection.source() + ": " + rejection.reason();
        ByteBuffer original = null;
        long size = sizeOf(file);
        if (size > MAX_ORIGINAL_BYTES) {
            reason += " (the file's " + size + " bytes are not attached: over the " + MAX_ORIGINAL_BYTES
                    + "-byte dead-letter limit)";
        } else if (size >= 0) {
            try {
                original = ByteBuffer.wrap(Files.readAllBytes(file));
            } catch (IOException e) {
                reason += " (the file could not be read to attach it: " + e.getMessage() + ")";
            }
        }
        return RecordLimit.fit(DeadLetter.newBuilder()
                .setOriginalTopic(Topics.SAMPLES.name())
                .setOriginalKey(rejection.sampleId())
                .setOriginalValue(original)
                .setStage(STAGE)
                .setReason(reason)
                .setTimestamp(Instant.now())
                .build());
    }

    /** The file's size, or -1 when there is no regular file to read. */
    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
