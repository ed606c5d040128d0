package io.audiolens.app.run;

import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the run's collectors read from shared topics. A record they cannot decode is someone else's bad input,
 * already a dead letter of the stage that reads it: the collectors skip it (with a warning) rather than fail
 * the run on it.
 */
final class CollectedValues {
    private static final Logger LOG = LoggerFactory.getLogger(CollectedValues.class);

    private CollectedValues() {
    }

    static <V> Optional<V> read(ValueReader<V> reader, ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            return Optional.of(reader.read(record.topic(), record.value(), where));
        } catch (UndecodableValueException e) {
            LOG.warn("skipping {} (key {}): {}", where, record.key(), e.reason());
            return Optional.empty();
        }
    }
}
