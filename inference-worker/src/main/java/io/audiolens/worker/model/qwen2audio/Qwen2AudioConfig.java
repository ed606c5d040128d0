package io.audiolens.worker.model.qwen2audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.worker.model.common.DecoderConfig;

/** A Qwen2-Audio checkpoint's {@code config.json}: encoder, decoder and the {@code <|AUDIO|>} token id. */
public record Qwen2AudioConfig(AudioEncoderConfig audio, DecoderConfig text, int audioTokenId) {

    public static Qwen2AudioConfig fromJson(JsonNode root) {
        String type = root.path("model_type").asText("");
        if (!type.equals("qwen2_audio")) {
            throw new IllegalArgumentException("config.json has model_type '" + type
                    + "'; a Qwen2-Audio checkpoint has 'qwen2_audio'");
        }
        boolean tie = root.path("tie_word_embeddings").asBoolean(false);
        return new Qwen2AudioConfig(
                AudioEncoderConfig.fromJson(root.path("audio_config")),
                DecoderConfig.fromHfJson(root.path("text_config"), "text_config.", DecoderConfig.HfDefaults.QWEN2, tie),
                root.path("audio_token_index").asInt(151646));
    }

    /**
     * Audio tokens for {@code frames} real mel frames: conv2 halves (stride 2, kernel 3, padding 1), the
     * average pool halves again (kernel 2, stride 2). 5 s = 500 frames gives 125 tokens.
     */
    public static int audioTokens(int frames) {
        return Math.floorDiv(encoderPositions(frames) - 2, 2) + 1; // Python's floor: no token below 3 frames
    }

    public static int encoderPositions(int frames) {
        return Math.floorDiv(frames - 1, 2) + 1;
    }

    /** Mel frames the encoder reads for {@code frames} real ones: all that reach a valid position through conv2. */
    public static int encoderInputFrames(int frames) {
        return 2 * encoderPositions(frames) + 1;
    }

    /** config.json as HF writes it for Qwen2-Audio (transformers 5 field names). */
    public String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putArray("architectures").add("Qwen2AudioForConditionalGeneration");
        root.put("model_type", "qwen2_audio");
        root.put("audio_token_index", audioTokenId);
        ObjectNode a = root.putObject("audio_config");
        a.put("model_type", "qwen2_audio_encoder");
        a.put("num_mel_bins", audio.melBins());
        a.put("encoder_layers", audio.layers());
        a.put("encoder_attention_heads", audio.heads());
        a.put("d_model", audio.width());
        a.put("encoder_ffn_dim", audio.ffnWidth());
        a.put("max_source_positions", audio.maxSourcePositions());
        a.put("activation_function", audio.activation());
        ObjectNode t = root.putObject("text_config");
        t.put("model_type", "qwen2");
        t.put("vocab_size", text.vocabSize());
        t.put("hidden_size", text.width());
        t.put("intermediate_size", text.ffnWidth());
        t.put("num_hidden_layers", text.layers());
        t.put("num_attention_heads", text.heads());
        t.put("num_key_value_heads", text.kvHeads());
        t.put("head_dim", text.headSize());
        t.put("rms_norm_eps", text.rmsNormEps());
        t.putObject("rope_parameters").put("rope_type", "default").put("rope_theta", text.ropeTheta());
        t.put("tie_word_embeddings", text.tieWordEmbeddings());
        t.put("hidden_act", "silu");
        t.put("max_position_embeddings", 32768);
        return root.toPrettyString();
    }
}
