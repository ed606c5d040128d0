package io.audiolens.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.schemas.topics.TrustedAvroClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroRecordsTest {

    @Test
    void shouldRoundTripProjectionWithNullLabel() throws IOException {
        LayerProjection projection = LayerProjection.newBuilder()
                .setSampleId("live/0001").setModel("qwen2audio-tiny-a").setAttribute("emotion")
                .setPrompt(PromptFormat.P2).setView(View.LAST_AUDIO_MASKED).setSplit(Split.UNLABELLED)
                .setLabel(null).setLabels(List.of("happy", "sad"))
                .setLayerProbs(List.of(List.of(0.25, 0.5), List.of(0.125, 0.75)))
                .setModelPrediction("sad").setLayers(2)
                .build();

        assertEquals(projection, roundTrip(projection, LayerProjection.class));
    }

    @Test
    void shouldDefaultSampleRateTo16kHz() {
        AudioSample sample = AudioSample.newBuilder()
                .setSampleId("s").setDataset("d").setAttribute("gender").setSplit(Split.PROBE)
                .setPcm16(ByteBuffer.wrap(new byte[] {1, 0})).setDurationSeconds(0.0000625).setSource("a.wav")
                .build();

        assertEquals(16000, sample.getSampleRate());
    }

    private static <T extends SpecificRecord> T roundTrip(T record, Class<T> type) throws IOException {
        TrustedAvroClasses.trustAudioLensSchemas();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        var decoder = DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
        return new SpecificDatumReader<>(type).read(null, decoder);
    }
}
