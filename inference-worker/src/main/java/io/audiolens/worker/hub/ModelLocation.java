package io.audiolens.worker.hub;

import io.audiolens.worker.checkpoint.CheckpointException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a model argument ({@code --model}) points: a checkpoint folder, or a hub name resolved offline in
 * the local Hugging Face cache. A folder that exists wins over a hub name spelled the same.
 *
 * @param folder the checkpoint folder (for a hub name, its snapshot folder)
 * @param name the model's name in records and reports: the folder's name, or NAME of {@code ORG/NAME}
 * @param hubId the hub name it was resolved from, if any
 * @param innerModels folders given for the models a composed model names by hub id, by role (DeSTA2's
 *                    {@code whisper} and {@code llama}); empty to let the model find them
 */
public record ModelLocation(Path folder, String name, Optional<HubId> hubId, Map<String, Path> innerModels) {

    public ModelLocation {
        innerModels = Map.copyOf(innerModels);
    }

    /** The same model with the folders of some of its inner models given. */
    public ModelLocation withInnerModels(Map<String, Path> folders) {
        return new ModelLocation(folder, name, hubId, folders);
    }

    /** {@code argument} as a folder, else as {@code ORG/NAME[@REVISION]} in {@link HubCache#standard()}. */
    public static ModelLocation of(String argument) {
        return of(argument, HubCache.standard());
    }

    public static ModelLocation of(String argument, HubCache cache) {
        Path path = asPath(argument);
        if (path != null && Files.isDirectory(path)) {
            return folder(path);
        }
        String missing = "no folder " + (path == null ? argument : path.toAbsolutePath());
        HubId id = HubId.parse(argument).orElseThrow(() -> new CheckpointException("--model " + argument + ": " + missing
                + ", and it is not a hub name ORG/NAME[@REVISION]; pass a checkpoint folder (config.json, *.safetensors,"
                + " the tokenizer) or the hub name of a model downloaded with huggingface-cli"));
        try {
            return new ModelLocation(cache.resolve(id), id.name(), Optional.of(id), Map.of());
        } catch (CheckpointException e) {
            throw new CheckpointException("--model " + argument + ": " + missing + "; " + e.getMessage(), e);
        }
    }

    public static ModelLocation folder(Path folder) {
        return new ModelLocation(folder, folder.toAbsolutePath().normalize().getFileName().toString(), Optional.empty(),
                Map.of());
    }

    private static Path asPath(String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
