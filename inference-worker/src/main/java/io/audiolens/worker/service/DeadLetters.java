package io.audiolens.worker.service;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.wire.RecordLimit;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The dead letter of a record the worker read but could not use, fitted under the record limit. */
final class DeadLetters {

    private DeadLetters() {
    }

    static DeadLetter of(ConsumerRecord<String, byte[]> original, String stage, String reason) {
        return RecordLimit.fit(DeadLetter.newBuilder()
                .setOriginalTopic(original.topic())
                .setOriginalPartition(original.partition())
                .setOriginalOffset(original.offset())
                .setOriginalKey(original.key())
                .setOriginalValue(original.value() == null ? null : ByteBuffer.wrap(original.value()))
                .setStage(stage)
                .setReason(reason)
                .setTimestamp(Instant.now())
                .build());
    }

    /** {@code topic-partition@offset}, how messages name a record. */
    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
