package io.audiolens.worker.model.qwenaudio;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.SafetensorsWriter;
import io.audiolens.worker.model.api.ModelShape;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.RecordingWeightSource;
import io.audiolens.worker.model.common.WeightSource;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;
import io.audiolens.worker.prompt.PromptFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A Qwen-Audio-Chat folder with random weights of a given shape, for benchmarks: {@code config.json} in
 * the released layout, {@code model.safetensors} under the released names (made by the family's own
 * loaders, so names and shapes are what loading expects), and a small {@code qwen.tiktoken} whose ranks
 * are the 256 bytes plus every prefix of every word of the AudioLens prompts and labels (so each word is
 * one token and each label's first token is its own).
 */
final class RandomQwenAudio {
    private static final double STD = 0.02;

    private RandomQwenAudio() {}

    static void write(Path folder, ModelShape shape, long seed) throws IOException {
        Files.createDirectories(folder);
        List<byte[]> ranks = ranks();
        StringBuilder tiktoken = new StringBuilder();
        for (int rank = 0; rank < ranks.size(); rank++) {
            tiktoken.append(Base64.getEncoder().encodeToString(ranks.get(rank))).append(' ').append(rank).append('\n');
        }
        Files.writeString(folder.resolve("qwen.tiktoken"), tiktoken, StandardCharsets.US_ASCII);
        QwenAudioConfig config = config(shape);
        Files.writeString(folder.resolve("config.json"), config.toJson());
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            RecordingWeightSource source = new RecordingWeightSource(new Inventing(manager));
            QwenAudioEncoderWeights.load(source, config.audio());
            QwenWeights.load(source, config.text());
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Map.Entry<String, NDArray> e : source.loaded().entrySet()) {
                writer.put(e.getKey(), new SafetensorsWriter.Tensor("F32", e.getValue().getShape().getShape(),
                        e.getValue().toByteArray()));
            }
            writer.write(folder.resolve("model.safetensors"));
        }
    }

    /**
     * The config of a random model of {@code shape}: 80 mels, every head 64 wide and no grouped queries (QWen
     * has none), w1 and w2 three times the width, the vocabulary padded to a multiple of 128 as released.
     */
    static QwenAudioConfig config(ModelShape shape) {
        int ranks = ranks().size();
        List<String> specials = QwenSpecialTokens.inIdOrder();
        int w = shape.width();
        return new QwenAudioConfig(
                new DecoderConfig("", (ranks + specials.size() + 127) / 128 * 128, w, 3 * w, shape.decoderLayers(),
                        shape.heads(), shape.heads(), 64, 1e-6, 10_000, false),
                2048,
                new QwenAudioConfig.Audio(80, 1500, w, shape.heads(), shape.encoderLayers(), w,
                        ranks + specials.indexOf(QwenSpecialTokens.AUDIO_START)));
    }

    /** The 256 single bytes, then every prefix of every prompt word and label, with and without a leading space. */
    private static List<byte[]> ranks() {
        Set<String> words = new LinkedHashSet<>();
        for (Attribute attribute : Attribute.all()) {
            for (PromptFormat format : PromptFormat.values()) {
                Matcher m = QwenTokenizer.PATTERN.matcher(QwenAudioChatTemplate.afterAudio(attribute, format)
                        .replaceAll("<[^>]*>", " "));
                while (m.find()) {
                    words.add(m.group());
                }
            }
            attribute.labels().forEach(label -> {
                words.add(label);
                words.add(" " + label);
            });
        }
        List<byte[]> ranks = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int b = 0; b < 256; b++) {
            ranks.add(new byte[] {(byte) b});
        }
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            for (int end = 2; end <= bytes.length; end++) {
                byte[] prefix = Arrays.copyOf(bytes, end);
                if (seen.add(Base64.getEncoder().encodeToString(prefix))) {
                    ranks.add(prefix);
                }
            }
        }
        return ranks;
    }

    /** Invents each tensor it is asked for: norm gains 1, biases 0, Whisper's sinusoids as positions, else N(0, 0.02). */
    private record Inventing(NDManager manager) implements WeightSource {
        @Override
        public NDArray load(String name, long... shape) {
            if (name.endsWith("positional_embedding")) {
                return manager.create(WhisperEncoderBlocks.sinusoids((int) shape[0], (int) shape[1]), new Shape(shape));
            } else if (name.matches(".*(ln_\\w+|attn_ln|mlp_ln)\\.weight")) {
                return manager.ones(new Shape(shape));
            } else if (name.endsWith(".bias")) {
                return manager.zeros(new Shape(shape));
            }
            return manager.randomNormal(0, (float) STD, new Shape(shape), DataType.FLOAT32);
        }

        @Override
        public boolean has(String name) {
            return true;
        }
    }
}
