package io.audiolens.worker.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What an interrupted or pruned download leaves in a snapshot folder: links into {@code blobs/} whose blob is
 * gone, and shards that a {@code *.safetensors.index.json} lists but the snapshot does not have yet.
 */
public final class Snapshot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Snapshot() {}

    /** One line per missing file; empty when the snapshot is complete. */
    public static List<String> problems(Path snapshot) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.walk(snapshot)) {
            for (Path entry : entries.sorted().toList()) {
                String name = snapshot.relativize(entry).toString();
                if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
                    problems.add(name + " links to " + Files.readSymbolicLink(entry) + ", which is missing");
                } else if (name.endsWith(".safetensors.index.json")) {
                    problems.addAll(missingShards(entry, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + snapshot, e);
        }
        return problems;
    }

    private static List<String> missingShards(Path index, String name) {
        TreeSet<String> shards = new TreeSet<>();
        try {
            JSON.readTree(index.toFile()).path("weight_map").forEach(file -> shards.add(file.asText()));
        } catch (IOException e) {
            return List.of(name + " cannot be read (" + e.getMessage() + ")");
        }
        return shards.stream().filter(shard -> !Files.isRegularFile(index.resolveSibling(shard)))
                .map(shard -> name + " lists " + shard + ", which the snapshot does not have").toList();
    }
}
