package io.audiolens.worker.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.audio.DecodedAudio;
import io.audiolens.audio.WavDecoder;
import io.audiolens.worker.testing.ReferenceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhisperLogMelTest {

    private static final ReferenceFixture REFERENCE = ReferenceFixture.load("qwen2audio-tiny-a");

    @Test
    void shouldDecodeTheReferenceClipToTheReferenceWaveform() throws Exception {
        DecodedAudio audio = WavDecoder.decode(REFERENCE.file("audio.wav"));

        assertArrayEquals(REFERENCE.floats("waveform"), audio.waveform());
    }

    @Test
    void shouldMatchHfWhisperFeatureExtractorWithin1e4() {
        assertArrayEquals(new long[] {128, WhisperLogMel.FRAMES}, REFERENCE.shape("input_features"));
        float[] expected = REFERENCE.floats("input_features");

        LogMelFeatures features = new WhisperLogMel(128).extract(REFERENCE.floats("waveform"));

        assertEquals(REFERENCE.longs("feature_frames")[0], features.realFrames());
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(features.values()[i] - expected[i]) > Math.abs(features.values()[worst] - expected[worst])) {
                worst = i;
            }
        }
        float maxDiff = Math.abs(features.values()[worst] - expected[worst]);
        assertTrue(maxDiff <= 1e-4, "max |diff| " + maxDiff + " at mel " + worst / WhisperLogMel.FRAMES
                + ", frame " + worst % WhisperLogMel.FRAMES);
    }

    @ParameterizedTest(name = "{0} samples -> {1} frames")
    @CsvSource({"1, 1", "160, 1", "161, 2", "32000, 200", "32001, 201", "480000, 3000", "600000, 3000"})
    void shouldCountRealFramesAsHfAttentionMaskDoes(int samples, int frames) {
        float[] waveform = new float[samples];
        waveform[0] = 0.5f;

        assertEquals(frames, new WhisperLogMel(80).extract(waveform).realFrames());
    }

    @Test
    void shouldSpanAtMostTwoUnitsBelowTheClipMaximumWith80Bins() {
        float[] waveform = new float[24_000];
        for (int n = 0; n < waveform.length; n++) {
            waveform[n] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * n / 16_000.0));
        }

        float[] values = new WhisperLogMel(80).extract(waveform).values();

        assertEquals(80 * WhisperLogMel.FRAMES, values.length);
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(2f, max - min, 1e-6f, "the floor at max − 8 in log10 is 2 after (x + 4) / 4");
    }
}
