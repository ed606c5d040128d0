package io.audiolens.worker.service;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a transactional loop does with one input record; it writes only through {@code out}. */
@FunctionalInterface
interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record, LoopOutput out);

    /**
     * One poll's records, in one transaction; each record writes through its own {@code outputs.apply(record)}.
     * By default one at a time; a handler that gains from seeing them together overrides it.
     */
    default void handleAll(List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, LoopOutput> outputs) {
        records.forEach(record -> handle(record, outputs.apply(record)));
    }
}
