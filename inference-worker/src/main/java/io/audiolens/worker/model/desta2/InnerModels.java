package io.audiolens.worker.model.desta2;

import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.hub.HubCache;
import io.audiolens.worker.hub.HubId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where DeSTA2's Whisper and Llama are, given their hub ids, in this order: a folder given for the role
 * ({@code --whisper DIR}, {@code --llama DIR}); a folder named after the role beside DeSTA2's
 * {@code config.json} ({@code whisper/}, {@code llama/}, the reference fixture's layout); the id's snapshot
 * in the local Hugging Face cache. A missing one fails naming the id and every place looked in.
 */
final class InnerModels {
    static final String WHISPER = "whisper";
    static final String LLAMA = "llama";

    private final Path folder;
    private final Map<String, Path> given;
    private final HubCache cache;

    InnerModels(Path folder, Map<String, Path> given, HubCache cache) {
        this.folder = folder;
        this.given = Map.copyOf(given);
        this.cache = cache;
    }

    /** The folder of the model {@code id} that DeSTA2 uses as its {@code role}. */
    Path find(String id, String role) {
        Path option = given.get(role);
        if (option != null) {
            if (!Files.isRegularFile(option.resolve("config.json"))) {
                throw new CheckpointException("--" + role + " " + option + " is not a model folder (no config.json); "
                        + "pass the folder of " + id);
            }
            return option;
        }
        List<String> lookedIn = new ArrayList<>();
        Path beside = folder.resolve(role);
        lookedIn.add(beside.toString());
        if (Files.isRegularFile(beside.resolve("config.json"))) {
            return beside;
        }
        Optional<HubId> hubId = HubId.parse(id);
        if (hubId.isPresent()) {
            lookedIn.add(cache.root().resolve(hubId.get().cacheFolderName()) + " (" + cache.source() + ")");
            Optional<Path> snapshot = cache.find(hubId.get());
            if (snapshot.isPresent()) {
                return cache.resolve(hubId.get());
            }
        }
        throw new CheckpointException("DeSTA2's " + role + " model " + id + " is in none of " + lookedIn
                + "; download it (huggingface-cli download " + id + "), put its folder at " + beside
                + ", or pass --" + role + " DIR");
    }
}
