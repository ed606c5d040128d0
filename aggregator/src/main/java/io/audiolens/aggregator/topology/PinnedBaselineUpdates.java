package io.audiolens.aggregator.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global baselines store equal to the compacted baselines topic: a tombstone unpins. */
final class PinnedBaselineUpdates implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, byte[]> baselines;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        baselines = context.getStateStore(StoreNames.MONITOR_BASELINES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            baselines.delete(record.key());
        } else {
            baselines.put(record.key(), record.value());
        }
    }
}
