package io.audiolens.worker.hub;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One model repository in the Hugging Face cache.
 *
 * @param repo {@code ORG/NAME}
 * @param refs each ref ({@code main}, a tag, {@code refs/pr/1}) with the commit hash it names
 * @param snapshots the snapshot folders, one per commit downloaded
 */
public record CachedModel(String repo, Path folder, Map<String, String> refs, List<Path> snapshots) {
    public CachedModel {
        refs = Map.copyOf(refs);
        snapshots = List.copyOf(snapshots);
    }
}
