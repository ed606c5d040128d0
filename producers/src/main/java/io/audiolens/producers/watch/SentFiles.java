package io.audiolens.producers.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a watched folder that were already handled (sent or dead-lettered), kept in a small text
 * file so that a restarted watch does not send them again: one line per file, {@code size TAB
 * modified-millis TAB name}, appended after each acknowledged batch. A file whose size or time changed
 * counts as new. Delete the state file to send everything again.
 */
public final class SentFiles {

    /** The state file's name when none is given; it sits in the watched folder and is hidden there. */
    public static final String DEFAULT_NAME = ".audiolens-sent.tsv";

    private final Path stateFile;
    private final Map<String, FileStamp> sent = new HashMap<>();

    private SentFiles(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** What {@code stateFile} remembers; nothing when it does not exist yet. */
    public static SentFiles load(Path stateFile) {
        SentFiles files = new SentFiles(stateFile);
        if (!Files.exists(stateFile)) {
            return files;
        }
        List<String> lines = readLines(stateFile);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] parts = lines.get(i).split("\t", 3);
            if (parts.length != 3 || !parts[0].matches("\\d+") || !parts[1].matches("-?\\d+")) {
                throw new IllegalArgumentException("state file " + stateFile + " line " + (i + 1)
                        + " is not 'size<TAB>modified-millis<TAB>name'; fix it, or delete it to send every file again");
            }
            files.sent.put(parts[2], new FileStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        }
        return files;
    }

    boolean contains(String name, FileStamp stamp) {
        return stamp.equals(sent.get(name));
    }

    /** Remembers {@code handled}, in memory and on disk. */
    void remember(Map<String, FileStamp> handled) {
        StringBuilder lines = new StringBuilder();
        handled.forEach((name, stamp) -> lines.append(stamp.size()).append('\t').append(stamp.modifiedMillis())
                .append('\t').append(name).append('\n'));
        try {
            Files.writeString(stateFile, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watch state " + stateFile + "; make it writable or pass"
                    + " --state with a writable path: " + e.getMessage(), e);
        }
        sent.putAll(handled);
    }

    private static List<String> readLines(Path stateFile) {
        try {
            return Files.readAllLines(stateFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the watch state " + stateFile + ": " + e.getMessage(), e);
        }
    }
}
