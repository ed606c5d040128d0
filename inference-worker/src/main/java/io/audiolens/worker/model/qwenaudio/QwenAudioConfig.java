package io.audiolens.worker.model.qwenaudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.worker.model.common.ConfigChecks;
import io.audiolens.worker.model.common.DecoderConfig;

/**
 * Qwen-Audio-Chat's {@code config.json} as released ({@code model_type: qwen}, an {@code audio} section).
 * The QWen decoder maps onto {@link DecoderConfig}: {@code kv_channels} is the head size, no grouped
 * queries, {@code intermediate_size} is the width of {@code w1} and {@code w2} together (each is half),
 * {@code layer_norm_epsilon} the RMSNorm eps, {@code rotary_emb_base} θ.
 *
 * @param seqLength the training context, {@code seq_length}: beyond it the original switches on dynamic
 *                  NTK and log-n attention scaling, which this runtime does not implement, so longer
 *                  prompts are refused
 */
public record QwenAudioConfig(DecoderConfig text, int seqLength, Audio audio) {

    /** The audio encoder: Whisper's ({@code n_mels}, {@code n_ctx}, ...), then pooling and a projection. */
    public record Audio(int melBins, int positions, int width, int heads, int layers, int outputWidth, int audioStartId) {
        public Audio {
            ConfigChecks.positive("audio.n_mels", melBins);
            ConfigChecks.positive("audio.n_ctx", positions);
            ConfigChecks.positive("audio.n_state", width);
            ConfigChecks.divides("audio.n_head", heads, "audio.n_state", width);
            ConfigChecks.positive("audio.n_layer", layers);
            ConfigChecks.positive("audio.output_dim", outputWidth);
            ConfigChecks.positive("audio.audio_start_id", audioStartId);
        }
    }

    static boolean describes(JsonNode root) {
        return root.path("model_type").asText("").equals("qwen") && root.has("audio");
    }

    static QwenAudioConfig fromJson(JsonNode root) {
        if (!describes(root)) {
            throw new IllegalArgumentException("config.json has model_type '" + root.path("model_type").asText("")
                    + "'" + (root.has("audio") ? "" : " and no audio section") + "; a Qwen-Audio-Chat checkpoint has "
                    + "model_type 'qwen' and an 'audio' section");
        }
        requireDefault(root, "rotary_pct", 1.0, "only full-width rotary embeddings are implemented");
        requireFlag(root, "no_bias", true, "c_proj biases are not implemented");
        JsonNode a = root.path("audio");
        requireFlag(a, "avg_pool", true, "the released encoder pools; an encoder without pooling is not implemented");
        requireFlag(a, "add_audio_bos_eos_token", true, "the released encoder adds learned audio bos/eos rows");
        int heads = root.path("num_attention_heads").asInt(32);
        int intermediate = root.path("intermediate_size").asInt(22016);
        if (intermediate % 2 != 0) {
            throw new IllegalArgumentException("config.json: intermediate_size " + intermediate
                    + " is odd; QWen's w1 and w2 are intermediate_size / 2 wide each");
        }
        DecoderConfig text = new DecoderConfig("", root.path("vocab_size").asInt(151936),
                root.path("hidden_size").asInt(4096), intermediate / 2, root.path("num_hidden_layers").asInt(32),
                heads, heads, root.path("kv_channels").asInt(128), root.path("layer_norm_epsilon").asDouble(1e-6),
                root.path("rotary_emb_base").asDouble(10000), root.path("tie_word_embeddings").asBoolean(false));
        Audio audio = new Audio(a.path("n_mels").asInt(80), a.path("n_ctx").asInt(1500), a.path("n_state").asInt(1280),
                a.path("n_head").asInt(20), a.path("n_layer").asInt(32), a.path("output_dim").asInt(4096),
                a.path("audio_start_id").asInt(-1));
        if (audio.outputWidth() != text.width()) {
            throw new IllegalArgumentException("config.json: audio.output_dim " + audio.outputWidth()
                    + " differs from hidden_size " + text.width() + "; the audio rows replace token embeddings");
        }
        return new QwenAudioConfig(text, root.path("seq_length").asInt(2048), audio);
    }

    /** config.json in the released layout, for random-weight checkpoints (benchmarks). */
    String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putArray("architectures").add("QWenLMHeadModel");
        root.put("model_type", "qwen");
        root.put("hidden_size", text.width());
        root.put("intermediate_size", 2 * text.ffnWidth());
        root.put("num_hidden_layers", text.layers());
        root.put("num_attention_heads", text.heads());
        root.put("kv_channels", text.headSize());
        root.put("layer_norm_epsilon", text.rmsNormEps());
        root.put("rotary_emb_base", text.ropeTheta());
        root.put("rotary_pct", 1.0);
        root.put("no_bias", true);
        root.put("seq_length", seqLength);
        root.put("tie_word_embeddings", text.tieWordEmbeddings());
        root.put("vocab_size", text.vocabSize());
        ObjectNode a = root.putObject("audio");
        a.put("n_mels", audio.melBins());
        a.put("n_ctx", audio.positions());
        a.put("n_state", audio.width());
        a.put("n_head", audio.heads());
        a.put("n_layer", audio.layers());
        a.put("output_dim", audio.outputWidth());
        a.put("avg_pool", true);
        a.put("add_audio_bos_eos_token", true);
        a.put("audio_start_id", audio.audioStartId());
        return root.toPrettyString();
    }

    private static void requireDefault(JsonNode node, String field, double expected, String why) {
        if (node.has(field) && node.path(field).asDouble() != expected) {
            throw new IllegalArgumentException("config.json: " + field + " is " + node.path(field).asText() + "; "
                    + why + " (" + field + " = " + expected + ")");
        }
    }

    private static void requireFlag(JsonNode node, String field, boolean expected, String why) {
        if (node.has(field) && node.path(field).asBoolean() != expected) {
            throw new IllegalArgumentException("config.json: " + field + " is " + node.path(field).asText() + "; "
                    + why);
        }
    }
}
