package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.meters.AggregatorMeters;
import io.audiolens.aggregator.meters.KeyedCounter;
import io.audiolens.aggregator.state.Counting;
import io.audiolens.aggregator.state.Intake;
import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw events, counts them through {@link Intake} into this task's stores, dead-letters what cannot
 * be counted, and publishes a snapshot of every changed key once per publish interval.
 */
abstract class CountingProcessor<E, C> implements Processor<String, byte[], String, SpecificRecord> {

    /**
     * The stores one kind of counting uses: {@code seenIndex}, {@code seenBatches} and {@code seenBefore} are
     * {@link SeenIds}' (the last one kept from aggregators before its format).
     */
    record CountingStores(String counts, String seenIndex, String seenBatches, String seenBefore, String rejected,
            String changed) {

        String[] names() {
            return new String[] {counts, seenIndex, seenBatches, seenBefore, rejected, changed};
        }
    }

    /** Its children in the topology by name: where a snapshot goes (one or more), where a dead letter goes. */
    record CountingRoutes(List<String> snapshots, String deadLetters) {}

    static final String UNDECODABLE = "undecodable";
    private static final Logger LOG = LoggerFactory.getLogger(CountingProcessor.class);
    /** Dead letters logged one by one per task; after that one line per {@value #LOG_EVERY}. */
    private static final int LOG_FIRST = 20;
    private static final int LOG_EVERY = 1000;

    private final String stage;
    private final CountingStores stores;
    private final CountingRoutes routes;
    private final Counting<E, C> counting;
    private final ValueReader<E> decoder;
    private final Duration publishInterval;
    private final Intake<E, C> intake;
    private final AggregatorMeters meters;
    private final KeyedCounter countedRecords;
    private final KeyedCounter duplicateRecords;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, C> counts;
    private KeyValueIntakeStore<C> intakeStore;
    private KeyValueStore<String, Long> rejected;
    private ChangedKeys changed;
    private long deadLettered;

    CountingProcessor(String stage, CountingStores stores, CountingRoutes routes, Counting<E, C> counting,
            ValueReader<E> decoder, Duration publishInterval, AggregatorMeters meters) {
        this.stage = stage;
        this.stores = stores;
        this.routes = routes;
        this.counting = counting;
        this.decoder = decoder;
        this.publishInterval = publishInterval;
        this.intake = new Intake<>(counting);
        this.meters = meters;
        this.countedRecords = meters.records(stage, "counted");
        this.duplicateRecords = meters.records(stage, "duplicate");
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> processorContext) {
        context = processorContext;
        counts = context.getStateStore(stores.counts());
        intakeStore = new KeyValueIntakeStore<>(counts, new SeenIds(context.getStateStore(stores.seenIndex()),
                context.getStateStore(stores.seenBatches()), context.getStateStore(stores.seenBefore())));
        rejected = context.getStateStore(stores.rejected());
        changed = new ChangedKeys(context.getStateStore(stores.changed()));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishChangedSnapshots);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        E event = decode(record);
        if (event == null) {
            return;
        }
        String key = counting.key(event);
        if (!isKeyedBy(record, key)) {
            reject(record, key, "keyed '" + record.key() + "', but must be keyed '" + key + "', the key it is"
                    + " counted under, so that one task sees all of that key; fix the producer's key");
            return;
        }
        Intake.Result<C> result = intake.accept(event, key, intakeStore);
        if (result instanceof Intake.Rejected<C> rejection) {
            reject(record, rejection.key(), rejection.reason());
            return;
        }
        changed.mark(result.key());
        if (result instanceof Intake.Counted<C> counted) {
            countedRecords.increment(result.key());
            onCounted(event, result.key(), record.timestamp());
            if (counted.completedProbe()) {
                onProbeCompleted(counted.counts(), record.timestamp());
            }
        } else {
            duplicateRecords.increment(result.key());
        }
    }

    /** What else to emit for an event counted for the first time under {@code key}. */
    protected void onCounted(E event, String key, long timestamp) {
    }

    /** What else to emit when an event completed its key's probe set. */
    protected void onProbeCompleted(C completed, long timestamp) {
    }

    /** The snapshot published for a changed key. */
    protected abstract SpecificRecord snapshot(C current);

    /** To the child named {@code child} only: each child takes one kind of record. */
    protected final void forward(String child, String key, SpecificRecord value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp), child);
    }

    /** The event, or null once the record is dead-lettered; a registry that does not answer fails the thread. */
    private E decode(Record<String, byte[]> record) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String topic = source.map(RecordMetadata::topic).orElse("");
        String where = source.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("a record");
        try {
            return decoder.read(topic, record.value(), where);
        } catch (UndecodableValueException e) {
            reject(record, UNDECODABLE, "cannot decode the value: " + e.reason());
            return null;
        }
    }

    private static boolean isKeyedBy(Record<String, byte[]> record, String key) {
        return key.equals(record.key());
    }

    private void reject(Record<String, byte[]> record, String key, String reason) {
        Long before = rejected.get(key);
        rejected.put(key, before == null ? 1 : before + 1);
        meters.record(stage, key, "rejected");
        meters.deadLetter(stage);
        deadLettered++;
        if (deadLettered <= LOG_FIRST || deadLettered % LOG_EVERY == 0) {
            LOG.warn("{} dead-lettered {} ({} so far in task {}): {}", stage, context.recordMetadata()
                    .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("a record"), deadLettered,
                    context.taskId(), reason);
        }
        forward(routes.deadLetters(), record.key(), DeadLetters.of(record, context.recordMetadata(), stage, reason),
                record.timestamp());
    }

    private void publishChangedSnapshots(long timestamp) {
        changed.drain(key -> {
            SpecificRecord snapshot = snapshot(counts.get(key));
            routes.snapshots().forEach(child -> forward(child, key, snapshot, timestamp));
        });
    }
}
