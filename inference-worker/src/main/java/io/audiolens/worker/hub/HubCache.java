package io.audiolens.worker.hub;

import io.audiolens.worker.checkpoint.CheckpointException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local Hugging Face cache as huggingface_hub lays it out, read offline: {@code models--ORG--NAME/refs/REV}
 * holds a commit hash, {@code snapshots/COMMIT/} the files (usually symlinks into {@code blobs/}). Nothing
 * here reaches the network: a model that is not in the cache fails saying how to download it.
 */
public final class HubCache {
    private final Path root;
    private final String source;

    private HubCache(Path root, String source) {
        this.root = root;
        this.source = source;
    }

    /** The cache this process's environment names, as huggingface_hub picks it. */
    public static HubCache standard() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * {@code $HF_HUB_CACHE}, else {@code $HUGGINGFACE_HUB_CACHE} (its older name), else {@code $HF_HOME/hub},
     * else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}.
     */
    public static HubCache fromEnvironment(Map<String, String> env, Path home) {
        for (String variable : List.of("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE")) {
            if (isSet(env, variable)) {
                return new HubCache(expand(env.get(variable), home), "$" + variable);
            }
        }
        if (isSet(env, "HF_HOME")) {
            return new HubCache(expand(env.get("HF_HOME"), home).resolve("hub"), "$HF_HOME/hub");
        }
        if (isSet(env, "XDG_CACHE_HOME")) {
            return new HubCache(expand(env.get("XDG_CACHE_HOME"), home).resolve("huggingface/hub"),
                    "$XDG_CACHE_HOME/huggingface/hub");
        }
        return new HubCache(home.resolve(".cache/huggingface/hub"), "the default, HF_HUB_CACHE and HF_HOME being unset");
    }

    public static HubCache at(Path root) {
        return new HubCache(root, "given");
    }

    public Path root() {
        return root;
    }

    /** Which setting chose {@link #root()}: {@code $HF_HUB_CACHE}, {@code $HF_HOME/hub}, the default, ... */
    public String source() {
        return source;
    }

    /** The snapshot folder of {@code id}'s revision, if the cache has one (complete or not). */
    public Optional<Path> find(HubId id) {
        Path repo = root.resolve(id.cacheFolderName());
        return commitOf(id, repo).map(commit -> repo.resolve("snapshots").resolve(commit)).filter(Files::isDirectory);
    }

    /** {@link #resolve(HubId)} of {@code ORG/NAME[@REVISION]}. */
    public Path resolve(String id) {
        return resolve(HubId.parse(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a hub name;"
                + " write it ORG/NAME or ORG/NAME@REVISION, as on huggingface.co")));
    }

    /** The complete snapshot folder of {@code id}'s revision; fails naming what is missing and how to download it. */
    public Path resolve(HubId id) {
        Path repo = root.resolve(id.cacheFolderName());
        if (!Files.isDirectory(repo)) {
            throw new CheckpointException(id.repo() + " (revision " + id.revision() + ") is not in the Hugging Face cache:"
                    + " there is no " + repo + " (the cache is " + root + ", " + source + "). AudioLens never downloads;"
                    + " run `" + id.downloadCommand() + "` where the network is reachable (it fills this cache), or set"
                    + " HF_HUB_CACHE to the cache that holds it");
        }
        String commit = commitOf(id, repo).orElseThrow(() -> new CheckpointException(id.repo()
                + " is in the Hugging Face cache (" + repo + ") but not at revision '" + id.revision() + "': refs/ has "
                + names(repo.resolve("refs"), true) + ", snapshots/ has " + names(repo.resolve("snapshots"), false)
                + "; run `" + id.downloadCommand() + "`, or name one of those after @"));
        Path snapshot = repo.resolve("snapshots").resolve(commit);
        if (!Files.isDirectory(snapshot)) {
            throw new CheckpointException(id + " is commit " + commit + ", but the cache has no " + snapshot + "; run `"
                    + id.downloadCommand() + "` again");
        }
        List<String> problems = Snapshot.problems(snapshot);
        if (!problems.isEmpty()) {
            throw new CheckpointException("snapshot " + commit + " of " + id + " is incomplete: "
                    + String.join("; ", problems) + ". Run `" + id.downloadCommand() + "` again to finish the download");
        }
        return snapshot;
    }

    /** Every model repository in the cache with its refs and snapshots; none when the cache folder does not exist. */
    public List<CachedModel> models() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<CachedModel> models = new ArrayList<>();
        for (Path repo : list(root)) {
            String folder = repo.getFileName().toString();
            if (folder.startsWith("models--") && Files.isDirectory(repo)) {
                models.add(new CachedModel(folder.substring("models--".length()).replace("--", "/"), repo,
                        refs(repo.resolve("refs")), list(repo.resolve("snapshots"))));
            }
        }
        return models;
    }

    private static Optional<String> commitOf(HubId id, Path repo) {
        Path ref = repo.resolve("refs").resolve(id.revision());
        if (Files.isRegularFile(ref)) {
            String commit = read(ref);
            if (!HubId.isCommit(commit)) {
                throw new CheckpointException(ref + " holds '" + commit + "', not a commit hash; run `"
                        + id.downloadCommand() + "` again");
            }
            return Optional.of(commit);
        }
        return id.revisionIsCommit() ? Optional.of(id.revision()) : Optional.empty();
    }

    private static Map<String, String> refs(Path refs) {
        Map<String, String> found = new TreeMap<>();
        if (Files.isDirectory(refs)) {
            try (Stream<Path> files = Files.walk(refs)) {
                files.filter(Files::isRegularFile).forEach(f -> found.put(refs.relativize(f).toString(), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + refs, e);
            }
        }
        return found;
    }

    private static String names(Path folder, boolean nested) {
        List<String> names = nested ? List.copyOf(refs(folder).keySet())
                : list(folder).stream().map(p -> p.getFileName().toString()).toList();
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean isSet(Map<String, String> env, String variable) {
        return env.get(variable) != null && !env.get(variable).isBlank();
    }

    private static Path expand(String path, Path home) {
        return path.equals("~") || path.startsWith("~/") ? home.resolve(path.substring(Math.min(2, path.length())))
                : Path.of(path);
    }
}
