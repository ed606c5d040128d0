package io.audiolens.aggregator.state;

import java.util.Optional;

/** What {@link Intake} needs to know about one kind of event and the counts it adds to. */
public interface Counting<E, C> {

    /** The key the event is counted under (group or enrichment key). */
    String key(E event);

    String sampleId(E event);

    /** Why the event cannot be counted, or empty; {@code current} is null before the key's first event. */
    Optional<String> problem(E event, C current);

    /** Counts for the key of {@code first}, before anything is added. */
    C empty(E first);

    /** Adds a valid event not seen before; true when it completed the probe set. */
    boolean add(C counts, E event);

    void countDuplicate(C counts);
}
