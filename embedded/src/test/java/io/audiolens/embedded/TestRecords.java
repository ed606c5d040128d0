package io.audiolens.embedded;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Small, fully populated events for the broker-backed tests. */
final class TestRecords {

    private TestRecords() {
    }

    static AudioSample sample(String sampleId) {
        ByteBuffer pcm16 = ByteBuffer.allocate(4 * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        pcm16.putShort((short) 0).putShort(Short.MAX_VALUE).putShort((short) -1).putShort(Short.MIN_VALUE).flip();
        return AudioSample.newBuilder()
                .setSampleId(sampleId).setDataset("SAKURA").setAttribute("gender").setLabel("female")
                .setSplit(Split.PROBE).setPcm16(pcm16).setDurationSeconds(4 / 16000.0)
                .setSource("file:///data/sakura/gender/" + sampleId + ".wav")
                .build();
    }

    static LayerProjection projection(String sampleId) {
        return LayerProjection.newBuilder()
                .setSampleId(sampleId).setModel("qwen2audio-tiny-a").setAttribute("gender")
                .setPrompt(PromptFormat.P1).setView(View.LAST).setSplit(Split.TEST).setLabel("female")
                .setLabels(List.of("female", "male"))
                .setLayerProbs(List.of(List.of(0.01, 0.02), List.of(0.3, 0.1), List.of(0.7, 0.2)))
                .setModelPrediction("female").setLayers(3)
                .build();
    }
}
