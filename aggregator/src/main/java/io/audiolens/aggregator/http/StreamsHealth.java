package io.audiolens.aggregator.http;

import io.audiolens.telemetry.Health;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Alive unless Streams failed or is shutting down (saying why, once a stream thread failed); ready while it is
 * RUNNING (not starting or rebalancing).
 */
record StreamsHealth(KafkaStreams streams, Supplier<Optional<String>> failure) implements Health {

    private static final Set<State> DEAD = Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING,
            State.PENDING_SHUTDOWN);

    @Override
    public Status liveness() {
        State state = streams.state();
        return DEAD.contains(state) ? Status.failing("Kafka Streams is " + state + failure.get().map(why -> ": " + why)
                .orElse("; see the aggregator's log")) : Status.ok("Kafka Streams is " + state);
    }

    @Override
    public Status readiness() {
        State state = streams.state();
        return state == State.RUNNING ? Status.ok("Kafka Streams is RUNNING")
                : Status.failing("Kafka Streams is " + state + ", not RUNNING");
    }
}
