package io.audiolens.worker.model.desta2;

import io.audiolens.worker.checkpoint.CheckpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where DeSTA2's Whisper and Llama are, given their hub ids: a folder named after the role beside DeSTA2's
 * {@code config.json} ({@code whisper/}, {@code llama/}, the reference fixture's layout). A missing one
 * fails naming the id and every place looked in.
 */
final class InnerModels {
    private final Path folder;

    private InnerModels(Path folder) {
        this.folder = folder;
    }

    static InnerModels beside(Path desta2Folder) {
        return new InnerModels(desta2Folder);
    }

    /** The folder of the model {@code id} that DeSTA2 uses as its {@code role} ({@code whisper} or {@code llama}). */
    Path find(String id, String role) {
        List<Path> lookedIn = new ArrayList<>();
        Path beside = folder.resolve(role);
        lookedIn.add(beside);
        if (Files.isRegularFile(beside.resolve("config.json"))) {
            return beside;
        }
        throw new CheckpointException("DeSTA2's " + role + " model " + id + " is not in any of " + lookedIn
                + "; put its folder (config.json, safetensors, tokenizer files) at " + beside);
    }
}
