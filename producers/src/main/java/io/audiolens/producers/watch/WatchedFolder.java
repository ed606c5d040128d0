package io.audiolens.producers.watch;

import io.audiolens.producers.source.ListedClip;
import io.audiolens.schemas.attributes.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder that live audio lands in: every {@code *.wav} file becomes a clip of one attribute, with one
 * label or none (then it is UNLABELLED), named {@code <dataset>/<attribute>/<file name>}. A file is
 * handed out once its size and modification time are the same on two scans in a row (a writer still
 * appending to it changes them), and never again once {@link #remember remembered}, across restarts
 * too, through {@link SentFiles}. A file rewritten under the same name counts as new and is sent again
 * under the same sample id.
 */
public final class WatchedFolder {

    private final Path dir;
    private final String dataset;
    private final Attribute attribute;
    private final Optional<String> label;
    private final SentFiles sent;
    private Map<String, FileStamp> previousScan = Map.of();
    private final Map<String, FileStamp> handedOut = new HashMap<>();

    public WatchedFolder(Path dir, String dataset, String attribute, Optional<String> label, SentFiles sent) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("watched folder " + dir + " does not exist or is not a folder");
        }
        this.dir = dir;
        this.dataset = dataset;
        this.attribute = Attribute.named(attribute);
        label.ifPresent(this.attribute::indexOf);
        this.label = label;
        this.sent = sent;
    }

    /**
     * The files written completely since the last scan and not handled before, in name order. Call
     * {@link #remember} with those that were handled before scanning again.
     */
    public List<ListedClip> newClips() {
        Map<String, FileStamp> scan = scan();
        handedOut.clear();
        List<ListedClip> ready = new ArrayList<>();
        scan.forEach((name, stamp) -> {
            if (stamp.equals(previousScan.get(name)) && !sent.contains(name, stamp)) {
                handedOut.put(name, stamp);
                ready.add(ListedClip.of(dataset, attribute.name(), name, dir.resolve(name), label, Optional.empty()));
            }
        });
        previousScan = scan;
        return ready;
    }

    /** Never hands out {@code handled} again; clips left out are handed out again by the next scan. */
    public void remember(List<ListedClip> handled) {
        Map<String, FileStamp> stamps = new TreeMap<>();
        handled.forEach(clip -> {
            String name = clip.file().getFileName().toString();
            stamps.put(name, handedOut.get(name));
        });
        sent.remember(stamps);
    }

    /** The WAV files now in the folder; one that vanishes while scanned is left for the next scan. */
    private Map<String, FileStamp> scan() {
        Map<String, FileStamp> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : (Iterable<Path>) entries.filter(WatchedFolder::isWav)::iterator) {
                stamp(file).ifPresent(stamp -> files.put(file.getFileName().toString(), stamp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan watched folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean isWav(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    private static Optional<FileStamp> stamp(Path file) throws IOException {
        try {
            return Optional.of(new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
