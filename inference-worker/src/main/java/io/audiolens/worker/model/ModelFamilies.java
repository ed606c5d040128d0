package io.audiolens.worker.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.desta2.Desta2Family;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioFamily;
import io.audiolens.worker.model.qwenaudio.QwenAudioFamily;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The supported model families, and the one place that names them: a checkpoint folder's
 * {@code config.json} picks its family. Nothing outside the family packages imports a family class.
 */
public final class ModelFamilies {
    private static final List<ModelFamily> FAMILIES = List.of(new Qwen2AudioFamily(), new QwenAudioFamily(), new Desta2Family());

    private ModelFamilies() {}

    public static List<ModelFamily> all() {
        return FAMILIES;
    }

    /** The family named {@code id} ({@code qwen2-audio}, {@code qwen-audio}), if there is one. */
    public static Optional<ModelFamily> find(String id) {
        return FAMILIES.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The family named {@code id}; an unknown one fails naming every family. */
    public static ModelFamily named(String id) {
        return find(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown model family '" + id + "'; use one of "
                        + FAMILIES.stream().map(ModelFamily::id).toList()));
    }

    /**
     * Loads the checkpoint folder with the family its {@code config.json} names; {@code innerModels} gives the
     * folders of the models a composed family names by hub id, by role.
     */
    public static AudioLanguageModel load(Path folder, Map<String, Path> innerModels, Device device,
            DataType computeType) {
        ModelFamily family = of(Checkpoint.readConfig(folder), folder);
        for (String role : innerModels.keySet()) {
            if (!family.innerModelRoles().contains(role)) {
                throw new IllegalArgumentException("--" + role + " names an inner model, but " + folder + " is a "
                        + family.id() + " model, which has " + (family.innerModelRoles().isEmpty() ? "none"
                        : "only " + family.innerModelRoles()) + "; leave --" + role + " out");
            }
        }
        return family.load(folder, innerModels, device, computeType);
    }

    static ModelFamily of(JsonNode config, Path folder) {
        return FAMILIES.stream().filter(f -> f.recognises(config)).findFirst()
                .orElseThrow(() -> new CheckpointException("config.json in " + folder + " describes "
                        + describe(config) + ", which is not a supported audio-language model; supported: "
                        + FAMILIES.stream().map(ModelFamily::description).collect(Collectors.joining("; "))));
    }

    private static String describe(JsonNode config) {
        String type = config.path("model_type").asText("");
        String architectures = config.path("architectures").toString();
        return (type.isEmpty() ? "no model_type" : "model_type '" + type + "'")
                + (config.has("architectures") ? " with architectures " + architectures : "");
    }
}
