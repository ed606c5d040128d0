package io.audiolens.schemas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Registry failures are named as such; a record that is not in the wire format stays the record's problem. */
class RegistryGuardedSerdeTest {

    /** Port 1 on loopback: nothing listens, the connection is refused. */
    private static final SerdeConfig NOBODY = SerdeConfig.forRegistry("http://127.0.0.1:1");

    @Test
    void shouldNameARegistryThatCannotBeReached() {
        try (Serde<DeadLetter> serde = Topics.DEAD_LETTERS.valueSerde(NOBODY)) {
            RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                    () -> serde.serializer().serialize(Topics.DEAD_LETTERS.name(), letter()));

            assertEquals("cannot reach the schema registry at http://127.0.0.1:1/apis/registry/v2 (ConnectException);"
                    + " check --registry-url and that the registry is running", e.getMessage());
            assertFalse(e.credentialsRefused());
        }
    }

    @Test
    void shouldLeaveBytesThatAreNotInTheWireFormatToTheirOwnError() {
        try (Serde<DeadLetter> serde = Topics.DEAD_LETTERS.valueSerde(NOBODY)) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> serde.deserializer().deserialize(Topics.DEAD_LETTERS.name(), new byte[] {7, 7, 7}));

            assertFalse(e instanceof RegistryUnavailableException, e.toString());
        }
    }

    private static DeadLetter letter() {
        return DeadLetter.newBuilder().setOriginalTopic("t").setOriginalPartition(0).setOriginalOffset(0L)
                .setOriginalKey("k").setOriginalValue(null).setStage("test").setReason("r").setTimestamp(Instant.now())
                .build();
    }
}
