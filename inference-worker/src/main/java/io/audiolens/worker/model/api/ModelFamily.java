package io.audiolens.worker.model.api;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.model.api.training.TinyTraining;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One family of audio-language models: how to recognise its checkpoints and load them. */
public interface ModelFamily {

    /** The family's name in messages and options: {@code qwen2-audio}, {@code qwen-audio}. */
    String id();

    /** What users call the models of this family, and the checkpoint layout it reads: for messages. */
    String description();

    /** Whether {@code config.json} describes a checkpoint of this family ({@code model_type}, {@code architectures}). */
    boolean recognises(JsonNode config);

    /**
     * Loads the checkpoint folder; fails naming the file, tensor or field that is missing or wrong.
     *
     * @param innerModels folders given for the models this one composes, by role (see {@link #innerModelRoles})
     */
    AudioLanguageModel load(Path folder, Map<String, Path> innerModels, Device device, DataType computeType);

    /** The roles of the models this family composes and names by hub id (DeSTA2: whisper, llama); none by default. */
    default Set<String> innerModelRoles() {
        return Set.of();
    }

    /** Random-weight models of this family for benchmarks, if the family makes them. */
    default Optional<RandomModels> randomModels() {
        return Optional.empty();
    }

    /** Training a tiny model of this family from labelled clips ({@code train-tiny}), if the family can. */
    default Optional<TinyTraining> tinyTraining() {
        return Optional.empty();
    }
}
