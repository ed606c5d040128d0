package io.audiolens.worker.model.qwenaudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The special tokens of Qwen-Audio's tokenizer ({@code tokenization_qwen.py}): Qwen's
 * {@code SPECIAL_TOKENS} then {@code AUDIO_ST}, in that order, numbered from the first id after the
 * mergeable ranks (151643 in the released {@code qwen.tiktoken}). The order is the ids: it is written
 * out here exactly as the original lists it.
 */
final class QwenSpecialTokens {
    static final String END_OF_TEXT = "<|endoftext|>";
    static final String IM_START = "<|im_start|>";
    static final String IM_END = "<|im_end|>";
    static final String AUDIO_PAD = "[[[AUDIO:modality]]]";
    static final String AUDIO_START = "<audio>";
    static final String AUDIO_END = "</audio>";

    private static final List<String> LANGUAGES = List.of("en", "zh", "de", "es", "ko", "fr", "ja", "it");

    private QwenSpecialTokens() {}

    /** Every special token, in id order. */
    static List<String> inIdOrder() {
        List<String> all = new ArrayList<>(List.of(END_OF_TEXT, IM_START, IM_END));
        for (int i = 0; i < 205; i++) {
            all.add("<|extra_" + i + "|>");
        }
        all.addAll(List.of(AUDIO_PAD, "<|startoftranscript|>", "<|startofanalysis|>", "<|translate|>",
                "<|transcribe|>", "<|caption|>", "<|keyword|>", "<|unknown|>"));
        LANGUAGES.forEach(language -> all.add("<|" + language + "|>"));
        all.addAll(List.of("<|zh_tr|>", "<|notimestamps|>", "<|sil|>", "<|timestamps|>"));
        for (int i = 0; i <= 3000; i++) {
            all.add(String.format(Locale.ROOT, "<|%.2f|>", i * 0.01));
        }
        all.addAll(List.of("<|caption_audiocaps|>", "<|caption_clotho|>", "<|audioset_ontology|>",
                "<|caption_plain|>", "<|itn|>", "<|wo_itn|>", "<|startofentityvalue|>", "<|endofentityvalue|>",
                "<|startofentitytype|>", "<|endofentitytype|>", "<|named_entity_recognition|>", "<|audio_grounding|>",
                "<|startofword|>", "<|endofword|>", "<|delim|>", "<|emotion_recognition|>", "<|music_description|>",
                "<|note_analysis|>", "<|pitch|>"));
        for (int i = 0; i < 128; i++) {
            all.add("<|midi_pitch_" + i + "|>");
        }
        all.add("<|velocity|>");
        for (int i = 0; i < 128; i++) {
            all.add("<|midi_velocity_" + i + "|>");
        }
        all.addAll(List.of("<|sonic|>", "<|instrument|>", "<|speaker_meta|>", "<|song_meta|>", "<|question|>",
                "<|answer|>", "<|choice|>", "<|scene|>", "<|event|>", "<|vocal_classification|>",
                "<|speech_understanding|>", "<|scenario|>", "<|action|>", "<|entities|>", "<|speech_edit|>",
                AUDIO_START, AUDIO_END));
        return List.copyOf(all);
    }
}
