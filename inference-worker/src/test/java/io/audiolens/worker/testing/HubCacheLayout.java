package io.audiolens.worker.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Writes a Hugging Face cache as huggingface_hub lays it out, for tests: {@code models--ORG--NAME/blobs/} holds
 * each file once under its SHA-256, {@code snapshots/COMMIT/} holds relative symlinks into {@code blobs/},
 * and {@code refs/REF} holds the commit a branch or tag names.
 */
public final class HubCacheLayout {
    private final Path root;

    public HubCacheLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Every regular file of {@code folder} as commit {@code commit} of {@code repo} ({@code ORG/NAME}); returns the snapshot. */
    public Path snapshot(String repo, String commit, Path folder) throws IOException {
        Path snapshot = repo(repo).resolve("snapshots").resolve(commit);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                link(snapshot.resolve(file.getFileName().toString()), blob(repo, Files.readAllBytes(file)));
            }
        }
        return snapshot;
    }

    /** Writes {@code name} with {@code text} into the snapshot, through a blob as the rest. */
    public void put(String repo, String commit, String name, String text) throws IOException {
        Path file = repo(repo).resolve("snapshots").resolve(commit).resolve(name);
        Files.deleteIfExists(file);
        link(file, blob(repo, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes the blob the snapshot's {@code name} links to: the link stays, dangling, as after a pruned blob. */
    public void deleteBlobOf(String repo, String commit, String name) throws IOException {
        Path link = repo(repo).resolve("snapshots").resolve(commit).resolve(name);
        Files.delete(link.resolveSibling(Files.readSymbolicLink(link)));
    }

    public void ref(String repo, String ref, String commit) throws IOException {
        Path file = repo(repo).resolve("refs").resolve(ref);
        Files.createDirectories(file.getParent());
        Files.writeString(file, commit);
    }

    private Path repo(String repo) {
        return root.resolve("models--" + repo.replace("/", "--"));
    }

    private Path blob(String repo, byte[] content) throws IOException {
        Path blob = repo(repo).resolve("blobs").resolve(sha256(content));
        Files.createDirectories(blob.getParent());
        if (!Files.exists(blob)) {
            Files.write(blob, content);
        }
        return blob;
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, link.getParent().relativize(target));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
