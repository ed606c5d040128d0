package io.audiolens.worker.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An HF checkpoint folder: {@code config.json}, {@code tokenizer.json} and the weights, either one
 * {@code model.safetensors} or shards listed in {@code model.safetensors.index.json} (or, without an
 * index, every {@code model-*.safetensors}). Tensors are looked up by their HF names and checked
 * against the shape the config implies.
 */
public final class Checkpoint implements TensorSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final TensorIndex tensors;

    private Checkpoint(Path folder, TensorIndex tensors) {
        this.folder = folder;
        this.tensors = tensors;
    }

    public static Checkpoint open(Path folder) {
        requireFolder(folder);
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Path shard : shards(folder)) {
            tensors.putAll(SafetensorsHeader.read(shard));
        }
        return new Checkpoint(folder, new TensorIndex(tensors, "the checkpoint in " + folder
                + "; does config.json belong to these weights, and are all shards present?"));
    }

    /** One safetensors file on its own (a component's weights beside a model's config, say). */
    public static Checkpoint ofFile(Path safetensors) {
        if (!Files.isRegularFile(safetensors)) {
            throw new CheckpointException("weights file " + safetensors + " does not exist");
        }
        return new Checkpoint(safetensors.toAbsolutePath().getParent(),
                new TensorIndex(SafetensorsHeader.read(safetensors), safetensors.toString()));
    }

    public Path folder() {
        return folder;
    }

    public Path file(String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("model folder " + folder + " has no " + name);
        }
        return file;
    }

    public JsonNode config() {
        return readConfig(folder);
    }

    /** The folder's {@code config.json}, read before anything else of the folder is. */
    public static JsonNode readConfig(Path folder) {
        requireFolder(folder);
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            throw new CheckpointException("model folder " + folder + " has no config.json; pass --model with a "
                    + "checkpoint folder as the model's authors publish it");
        }
        return readJson(folder, "config.json");
    }

    /** A JSON file of the folder, such as {@code generation_config.json}; its absence is an error naming it. */
    public static JsonNode readJson(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("model folder " + folder + " has no " + name);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException(name + " in " + folder + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("model folder " + folder + " does not exist; pass --model with an HF "
                    + "checkpoint folder (config.json, *.safetensors, the tokenizer)");
        }
    }

    @Override
    public Map<String, long[]> shapes() {
        return tensors.shapes();
    }

    @Override
    public boolean has(String name) {
        return tensors.has(name);
    }

    @Override
    public NDArray load(String name, NDManager manager, DataType computeType, long... expected) {
        return tensors.load(name, manager, computeType, expected);
    }

    private static Iterable<Path> shards(Path folder) {
        Path single = folder.resolve("model.safetensors");
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            return indexedShards(folder, index);
        }
        if (Files.isRegularFile(single)) {
            return java.util.List.of(single);
        }
        try (Stream<Path> files = Files.list(folder)) {
            TreeSet<Path> found = new TreeSet<>();
            files.filter(p -> p.getFileName().toString().matches("model-.*\\.safetensors")).forEach(found::add);
            if (found.isEmpty()) {
                throw new CheckpointException("model folder " + folder + " has no model.safetensors, no "
                        + "model.safetensors.index.json and no model-*.safetensors shards");
            }
            return found;
        } catch (IOException e) {
            throw new CheckpointException("cannot list model folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Iterable<Path> indexedShards(Path folder, Path index) {
        try {
            TreeSet<Path> found = new TreeSet<>();
            JSON.readTree(index.toFile()).path("weight_map").forEach(n -> found.add(folder.resolve(n.asText())));
            for (Path shard : found) {
                if (!Files.isRegularFile(shard)) {
                    throw new CheckpointException("shard " + shard.getFileName() + " listed in " + index.getFileName()
                            + " is missing from " + folder + "; download all shards");
                }
            }
            return found;
        } catch (IOException e) {
            throw new CheckpointException(index + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
