package io.audiolens.aggregator.topology;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.wire.RecordLimit;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A record the aggregator could not count, kept with its original bytes (when they fit) and why. */
final class DeadLetters {

    private DeadLetters() {
    }

    static DeadLetter of(Record<String, byte[]> record, Optional<RecordMetadata> source, String stage, String reason) {
        return RecordLimit.fit(DeadLetter.newBuilder()
                .setOriginalTopic(source.map(RecordMetadata::topic).orElse("unknown"))
                .setOriginalPartition(source.map(RecordMetadata::partition).orElse(null))
                .setOriginalOffset(source.map(RecordMetadata::offset).orElse(null))
                .setOriginalKey(record.key())
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setStage(stage)
                .setReason(reason)
                .setTimestamp(Instant.ofEpochMilli(record.timestamp()))
                .build());
    }
}
