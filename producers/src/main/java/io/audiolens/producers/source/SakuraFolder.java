package io.audiolens.producers.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder in the SAKURA layout: {@code DIR/<Track>/audio/*.wav} with {@code DIR/<Track>/metadata.csv}
 * (columns {@code file, attribute_label, single_instruction, ...}). The track's name in lower case is the
 * attribute (Gender → gender), {@code attribute_label} the label. A subfolder with neither metadata.csv
 * nor audio/ is not a track. Files in audio/ that metadata.csv does not list are listed as rejected: they
 * have no label. A checkout of the SAKURA repository holds these tracks in its {@code data/} folder: either
 * the checkout or its {@code data/} folder may be given.
 */
public final class SakuraFolder {

    static final String METADATA = "metadata.csv";
    static final String AUDIO = "audio";
    private static final String CHECKOUT_DATA = "data";
    private static final String FILE = "file";
    private static final String LABEL = "attribute_label";

    private SakuraFolder() {
    }

    /** Every clip of every track of {@code dir}, tracks in name order, each in metadata order. */
    public static List<ListedClip> list(Path dir, String dataset) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("SAKURA folder " + dir + " does not exist or is not a folder");
        }
        List<Path> tracks = tracks(dir);
        if (tracks.isEmpty() && Files.isDirectory(dir.resolve(CHECKOUT_DATA))) {
            tracks = tracks(dir.resolve(CHECKOUT_DATA));
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("no SAKURA tracks in " + dir + " nor in " + dir.resolve(CHECKOUT_DATA)
                    + ": expected <dataset>/<Gender|Language|Emotion|Animal>/metadata.csv and audio/*.wav");
        }
        return tracks.stream().flatMap(track -> listTrack(track, dataset).stream()).toList();
    }

    private static List<Path> tracks(Path dir) {
        return sorted(dir).filter(SakuraFolder::isTrack).toList();
    }

    private static boolean isTrack(Path folder) {
        return Files.isDirectory(folder)
                && (Files.isRegularFile(folder.resolve(METADATA)) || Files.isDirectory(folder.resolve(AUDIO)));
    }

    private static List<ListedClip> listTrack(Path track, String dataset) {
        String attribute = track.getFileName().toString().toLowerCase(Locale.ROOT);
        List<ListedClip> clips = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Path metadata = track.resolve(METADATA);
        boolean hasMetadata = Files.isRegularFile(metadata);
        if (hasMetadata) {
            CsvTable table = CsvTable.read(metadata);
            table.requireColumns(FILE, LABEL);
            for (CsvRecord row : table.rows()) {
                ListedClip clip = fromRow(table, row, track, attribute, dataset);
                listed.add(clip.file().getFileName().toString());
                clips.add(clip);
            }
        }
        Path audio = track.resolve(AUDIO);
        if (Files.isDirectory(audio)) {
            sorted(audio).filter(SakuraFolder::isVisibleFile)
                    .filter(file -> !listed.contains(file.getFileName().toString()))
                    .map(file -> ListedClip.of(dataset, attribute, file.getFileName().toString(), file,
                            Optional.empty(), Optional.empty()).rejectedBecause(hasMetadata
                                    ? "not listed in " + metadata + ", so it has no label; add a row or move it out"
                                    : track + " has no " + METADATA + ", so it has no label; add one with columns "
                                            + FILE + ", " + LABEL))
                    .forEach(clips::add);
        }
        return clips;
    }

    private static ListedClip fromRow(CsvTable table, CsvRecord row, Path track, String attribute, String dataset) {
        Optional<String> written = table.value(row, FILE);
        String name = written.map(file -> Path.of(file).getFileName().toString()).orElse("line-" + row.line());
        Path file = written.map(w -> locate(track, w)).orElse(track.resolve(AUDIO).resolve(name));
        Optional<String> label = table.value(row, LABEL);
        ListedClip clip = ListedClip.of(dataset, attribute, name, file, label, Optional.empty());
        Optional<String> problem = table.shapeProblem(row)
                .or(() -> written.isEmpty() ? Optional.of(METADATA + " line " + row.line() + " has no file name")
                        : Optional.empty())
                .or(() -> label.isEmpty() ? Optional.of(METADATA + " line " + row.line() + " has no " + LABEL)
                        : Optional.empty());
        return problem.map(clip::rejectedBecause).orElse(clip);
    }

    /** {@code audio/<file>} as SAKURA writes it, or {@code <track>/<file>} when the column holds a path. */
    private static Path locate(Path track, String written) {
        Path inAudio = track.resolve(AUDIO).resolve(written);
        Path inTrack = track.resolve(written);
        return Files.exists(inAudio) || !Files.exists(inTrack) ? inAudio : inTrack;
    }

    private static boolean isVisibleFile(Path file) {
        return Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".");
    }

    private static Stream<Path> sorted(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
