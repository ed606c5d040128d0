package io.audiolens.producers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes SAKURA-layout tracks: {@code <root>/<Track>/audio/*.wav} and a metadata.csv with quoted fields. */
public final class SakuraFixture {

    public static final String HEADER =
            "file,attribute_label,single_instruction,single_answer,multi_instruction,multi_answer\r\n";

    private SakuraFixture() {
    }

    /**
     * Writes one 16 kHz mono sine clip of {@code seconds} per entry of {@code labelByFile} (each at its
     * own frequency) and the track's metadata.csv; returns the PCM bytes of each file.
     */
    public static Map<String, byte[]> writeTrack(Path root, String track, Map<String, String> labelByFile,
            double seconds) throws IOException {
        Map<String, byte[]> pcmByFile = new LinkedHashMap<>();
        StringBuilder metadata = new StringBuilder(HEADER);
        double hertz = 220;
        for (Map.Entry<String, String> clip : labelByFile.entrySet()) {
            pcmByFile.put(clip.getKey(), TestAudio.writeMonoClip(
                    root.resolve(track).resolve("audio").resolve(clip.getKey()), seconds, hertz));
            metadata.append(row(clip.getKey(), clip.getValue()));
            hertz += 110;
        }
        Files.writeString(root.resolve(track).resolve("metadata.csv"), metadata, StandardCharsets.UTF_8);
        return pcmByFile;
    }

    /** A metadata row whose instructions hold commas, doubled quotes and a line break, as SAKURA's do. */
    public static String row(String file, String label) {
        return file + "," + label + ",\"What is it, in one word? Say \"\"" + label + "\"\".\",\"" + label
                + "\",\"Listen, then answer:\nwhat is it?\",\"It is " + label + ", clearly.\"\r\n";
    }

    /** File names and labels, in the order given: {@code labels("a.wav", "male", "b.wav", "female")}. */
    public static Map<String, String> labels(String... fileThenLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < fileThenLabel.length; i += 2) {
            labels.put(fileThenLabel[i], fileThenLabel[i + 1]);
        }
        return labels;
    }
}
