package io.audiolens.schemas.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What needs no registry to answer: framing, and a registry that is not there. Registry answers: the worker's and aggregator's broker tests. */
class ValueReaderTest {

    private static final RegistryPatience QUICK = new RegistryPatience(3, Duration.ofMillis(20));

    @Test
    void shouldRefuseValuesOutsideTheWireFormatWithoutAskingTheRegistry() throws Exception {
        ValueReader<AudioSample> reader = ValueReader.of(Topics.SAMPLES, closedRegistry(), QUICK);

        assertEquals("the record has no value (a tombstone); producers of audiolens.samples never send one",
                refusal(reader, null));
        assertEquals("the value's 3 bytes are too few for the registry wire format (magic byte 0, a 4-byte schema"
                + " id, the Avro body); it was not written by a registry serde", refusal(reader, new byte[] {0, 0, 1}));
        assertEquals("the value does not start with the wire format's magic byte 0 (it starts 0x7b2273616d706c65);"
                + " it was not written by a registry serde",
                refusal(reader, "{\"sampleId\": \"a\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAskAnUnreachableRegistryAsOftenAsItsPatienceSaysThenStopNamingIt() throws Exception {
        SerdeConfig registry = closedRegistry();
        ValueReader<AudioSample> reader = ValueReader.of(Topics.SAMPLES, registry, QUICK);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> reader.read("audiolens.samples", new byte[] {0, 0, 0, 0, 9, 2, 4}, "audiolens.samples-2@40"));

        assertTrue(e.getMessage().startsWith("the schema registry at " + registry.registryUrl() + " did not answer for"
                + " 40 ms (3 attempts: ConnectException) while reading audiolens.samples-2@40; nothing was"
                + " dead-lettered, and the record is read again after a restart"), e.getMessage());
    }

    @Test
    void shouldCallWhatAPlainDeserializerCannotReadTheRecordsFault() {
        ValueReader<String> reader = ValueReader.plain((topic, bytes) -> {
            throw new IllegalArgumentException("not a LayerProjection: EOF");
        }, "LayerProjection");

        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> reader.read("t", new byte[] {1, 2}, "t-0@0"));

        assertEquals("the value does not decode as LayerProjection (IllegalArgumentException: not a LayerProjection:"
                + " EOF); the record is corrupt or was written with another schema under that id", e.reason());
    }

    private static String refusal(ValueReader<AudioSample> reader, byte[] value) {
        return assertThrows(UndecodableValueException.class, () -> reader.read("audiolens.samples", value, "x"))
                .reason();
    }

    /** A loopback port nothing listens on: connections are refused at once. */
    private static SerdeConfig closedRegistry() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return SerdeConfig.forRegistry("http://127.0.0.1:" + port);
    }
}
