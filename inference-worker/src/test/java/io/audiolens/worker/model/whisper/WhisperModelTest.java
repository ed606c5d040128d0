package io.audiolens.worker.model.whisper;

import static io.audiolens.worker.testing.DecoderParity.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.audio.WavDecoder;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeSTA2's Whisper against transformers 4.45 as DeSTA2 ran it (the desta2-tiny-a fixture's whisper/). */
class WhisperModelTest {
    private static final String FIXTURE = "desta2-tiny-a";
    private static final Path FOLDER = TinyReference.folder(FIXTURE);
    private static WhisperModel whisper;
    private static NDManager scope;
    private static NDList ref;
    private static List<NDArray> states;

    @BeforeAll
    static void load() {
        whisper = WhisperModel.load(FOLDER.resolve("whisper"), Device.cpu(), DataType.FLOAT32);
        scope = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        ref = TinyReference.arrays(FIXTURE, scope);
        states = whisper.hiddenStates(ref.get("input_features"));
    }

    @AfterAll
    static void close() {
        scope.close();
        whisper.close();
    }

    @Test
    void shouldComputeTheProcessorsLogMelFromTheWav() throws Exception {
        float[] waveform = WavDecoder.decode(FOLDER.resolve("audio.wav")).waveform();
        float[] features = new WhisperLogMel(whisper.melBins()).extract(waveform).values();
        float worst = scope.create(features, new Shape(80, 3000)).sub(ref.get("input_features")).abs().max().getFloat();
        assertTrue(worst <= 1e-4, "log-mel max abs difference " + worst);
    }

    @Test
    void shouldReproduceTheEncodersHiddenStatesDesta2Taps() {
        assertEquals(13, states.size());
        long[] index = ref.get("whisper_encoder_hidden_index").toLongArray(); // 0, 2, 5, 8, 11, 12
        for (int i = 0; i < index.length; i++) {
            assertClose("encoder hidden state " + index[i], states.get((int) index[i]), ref.get("whisper_encoder_hidden").get(i));
        }
    }

    @Test
    void shouldReproduceTheLanguageLogitsAndTheTeacherForcedDecoderLogits() {
        NDArray audio = states.get(states.size() - 1);
        long start = ref.get("whisper_sequence").toLongArray()[0];
        assertClose("language detection logits", whisper.logits(audio, new long[] {start}).get(0),
                ref.get("whisper_language_logits"));
        long[] sequence = ref.get("whisper_sequence").toLongArray();
        assertClose("teacher-forced logits", whisper.logits(audio, Arrays.copyOf(sequence, sequence.length - 1)),
                ref.get("whisper_decoder_logits"));
    }

    @Test
    void shouldTranscribeGreedilyAsGenerateDid() {
        JsonNode json = TinyReference.json(FIXTURE);
        WhisperModel.Generation g = whisper.transcribe(states.get(states.size() - 1));
        assertEquals(json.path("whisper").path("detected_language_id").asInt(), g.language());
        assertArrayEquals(ref.get("whisper_sequence").toLongArray(), g.sequence());
        assertArrayEquals(ref.get("transcript_ids").toLongArray(), g.transcript().ids());
        assertEquals(json.path("transcription").asText(), g.transcript().text());
    }

    @Test
    void shouldGiveTheSameLogitsStepByStepFromTheCacheAsForTheWholeSequence() {
        NDArray audio = states.get(states.size() - 1);
        long[] sequence = Arrays.copyOf(ref.get("whisper_sequence").toLongArray(), 8);
        NDArray whole = whisper.logits(audio, sequence);
        try (WhisperDecoder.Session session = whisper.decoding(audio)) {
            for (int t = 0; t < sequence.length; t++) {
                float[] step = session.next(new long[] {sequence[t]});
                assertClose("step " + t, scope.create(step), whole.get(t));
            }
        }
    }

    @Test
    void shouldStopAtTheEndTokenAndAtMaxLengthAndKeepAForcedLanguage(@TempDir Path dir) throws Exception {
        long[] sequence = ref.get("whisper_sequence").toLongArray();
        NDArray audio = states.get(states.size() - 1);
        // the 9th token taken for <|endoftext|>: generation stops right after it
        try (WhisperModel eos = variant(dir.resolve("eos"), "\"eos_token_id\": 490", "\"eos_token_id\": " + sequence[8])) {
            assertArrayEquals(Arrays.copyOf(sequence, 9), eos.transcribe(audio).sequence());
        }
        try (WhisperModel shorter = variant(dir.resolve("short"), "\"max_length\": 24", "\"max_length\": 10")) {
            assertArrayEquals(Arrays.copyOf(sequence, 10), shorter.transcribe(audio).sequence());
        }
        try (WhisperModel english = variant(dir.resolve("en"), "[ 1, null ]", "[ 1, 492 ]")) {
            WhisperModel.Generation g = english.transcribe(audio);
            assertEquals(492, g.language());
            assertArrayEquals(new long[] {491, 492, 592, 596}, Arrays.copyOf(g.sequence(), 4));
        }
    }

    /** The fixture's Whisper with one edit to its generation_config.json. */
    private static WhisperModel variant(Path folder, String from, String to) throws Exception {
        Files.createDirectories(folder);
        Path original = FOLDER.resolve("whisper");
        try (var files = Files.list(original)) {
            for (Path file : files.toList()) {
                Files.createSymbolicLink(folder.resolve(file.getFileName()), file);
            }
        }
        Path config = folder.resolve("generation_config.json");
        String edited = Files.readString(original.resolve("generation_config.json")).replaceAll("\\s+", " ");
        assertTrue(edited.contains(from), "generation_config.json holds " + from);
        Files.delete(config);
        Files.writeString(config, edited.replace(from, to));
        return WhisperModel.load(folder, Device.cpu(), DataType.FLOAT32);
    }
}
