package io.audiolens.producers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadCsvWithOptionalLabelAndSplitAndPathsRelativeToTheManifest() throws Exception {
        Path manifest = write("clips.csv", """
                path,attribute,label,split
                a/one.wav,gender,male,probe
                "b, with comma.wav",Emotion,happy,
                ./live.wav,animal,,
                """);

        List<ListedClip> clips = Manifest.read(manifest, "mine");

        assertEquals(List.of("mine/gender/a/one.wav", "mine/emotion/b, with comma.wav", "mine/animal/live.wav"),
                clips.stream().map(ListedClip::sampleId).toList());
        assertEquals(folder.resolve("a/one.wav"), clips.get(0).file());
        assertEquals(List.of(Optional.of(Split.PROBE), Optional.empty(), Optional.empty()),
                clips.stream().map(ListedClip::split).toList());
        assertEquals(List.of(Optional.of("male"), Optional.of("happy"), Optional.empty()),
                clips.stream().map(ListedClip::label).toList());
        assertTrue(clips.stream().allMatch(clip -> clip.problem().isEmpty()));
    }

    @Test
    void shouldReadCsvWithoutLabelAndSplitColumns() throws Exception {
        Path manifest = write("m.csv", "attribute,path\ngender,x.wav\n");

        ListedClip clip = Manifest.read(manifest, "d").get(0);

        assertEquals("d/gender/x.wav", clip.sampleId());
        assertEquals(Optional.empty(), clip.label());
    }

    @Test
    void shouldReadJsonlSkippingBlankLinesAndListingBrokenLinesAsRejected() throws Exception {
        Path manifest = write("clips.jsonl", """
                {"path": "one.wav", "attribute": "language", "label": "German", "split": "TEST"}

                {"path": "two.wav", "attribute": "animal"}
                {"path": "three.wav", "attribute":
                ["not", "an", "object"]
                {"attribute": "gender", "label": "male"}
                {"path": "four.wav", "attribute": "gender", "split": "training"}
                """);

        List<ListedClip> clips = Manifest.read(manifest, "d");

        assertEquals(6, clips.size());
        assertEquals("d/language/one.wav", clips.get(0).sampleId());
        assertEquals(Optional.of(Split.TEST), clips.get(0).split());
        assertEquals(Optional.empty(), clips.get(1).label());
        assertTrue(clips.get(2).problem().orElseThrow().startsWith("clips.jsonl line 4: not valid JSON"));
        assertTrue(clips.get(3).problem().orElseThrow().startsWith("clips.jsonl line 5: not a JSON object"));
        assertEquals("clips.jsonl line 6 has no path", clips.get(4).problem().orElseThrow());
        assertTrue(clips.get(5).problem().orElseThrow().contains("split 'training' is not probe, test or unlabelled"));
    }

    @Test
    void shouldListACsvRowWithoutAttributeAsRejected() throws Exception {
        Path manifest = write("m.csv", "path,attribute\nx.wav,\n");

        ListedClip clip = Manifest.read(manifest, "d").get(0);

        assertEquals("d/no-attribute/x.wav", clip.sampleId());
        assertEquals("m.csv line 2 has no attribute", clip.problem().orElseThrow());
    }

    @Test
    void shouldRefuseAManifestWithAnotherExtensionOrWithoutPathColumn() throws Exception {
        Path yaml = write("m.yaml", "path: x");
        Path noPath = write("n.csv", "file,attribute\nx.wav,gender\n");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Manifest.read(yaml, "d")).getMessage()
                .contains("must end in .csv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Manifest.read(noPath, "d")).getMessage()
                .contains("has no column 'path'"));
    }

    @Test
    void shouldNameTheDatasetAfterTheManifestsFolder() throws Exception {
        assertEquals(folder.getFileName().toString(), Manifest.defaultDatasetName(write("m.csv", "path,attribute\n")));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }
}
