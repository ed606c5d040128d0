package io.audiolens.worker.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a transactional loop does with one input record; it writes only through {@code out}. */
@FunctionalInterface
interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record, LoopOutput out);
}
