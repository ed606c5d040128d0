package io.audiolens.producers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.producers.SakuraFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SakuraFolderTest {

    @TempDir
    Path root;

    @Test
    void shouldListEveryMetadataRowWithTheTrackAsAttributeAndTheLabel() throws Exception {
        SakuraFixture.writeTrack(root, "Gender", SakuraFixture.labels("m1.wav", "male", "f1.wav", "female"), 0.1);
        SakuraFixture.writeTrack(root, "Language", SakuraFixture.labels("en.wav", "English"), 0.1);

        List<ListedClip> clips = SakuraFolder.list(root, "SAKURA");

        assertEquals(List.of("SAKURA/gender/m1.wav", "SAKURA/gender/f1.wav", "SAKURA/language/en.wav"),
                clips.stream().map(ListedClip::sampleId).toList());
        assertEquals(List.of(Optional.of("male"), Optional.of("female"), Optional.of("English")),
                clips.stream().map(ListedClip::label).toList());
        assertEquals(root.resolve("Gender/audio/m1.wav"), clips.get(0).file());
        assertTrue(clips.stream().allMatch(clip -> clip.problem().isEmpty() && clip.split().isEmpty()));
    }

    @Test
    void shouldListAFileMissingFromMetadataAsRejectedForWantOfALabel() throws Exception {
        SakuraFixture.writeTrack(root, "Emotion", SakuraFixture.labels("a.wav", "angry"), 0.1);
        Files.write(root.resolve("Emotion/audio/stray.wav"), new byte[] {1, 2, 3});

        ListedClip stray = SakuraFolder.list(root, "S").get(1);

        assertEquals("S/emotion/stray.wav", stray.sampleId());
        assertTrue(stray.problem().orElseThrow().contains("not listed in"), stray.problem().toString());
    }

    @Test
    void shouldListARowWhoseFileIsAbsentSoThatItIsRejectedLater() throws Exception {
        SakuraFixture.writeTrack(root, "Animal", SakuraFixture.labels("dog.wav", "dog"), 0.1);
        Files.writeString(root.resolve("Animal/metadata.csv"), SakuraFixture.row("ghost.wav", "cat"),
                java.nio.file.StandardOpenOption.APPEND);

        ListedClip ghost = SakuraFolder.list(root, "S").get(1);

        assertEquals(root.resolve("Animal/audio/ghost.wav"), ghost.file());
        assertTrue(ghost.problem().isEmpty());
    }

    @Test
    void shouldListARowWithTooFewFieldsAsRejectedNamingTheLine() throws Exception {
        SakuraFixture.writeTrack(root, "Gender", SakuraFixture.labels("m.wav", "male"), 0.1);
        Files.writeString(root.resolve("Gender/metadata.csv"), SakuraFixture.HEADER + "m.wav,male,What, is it?\n");

        ListedClip clip = SakuraFolder.list(root, "S").get(0);

        assertEquals("metadata.csv line 2 has 4 fields but the header has 6; quote fields that contain commas",
                clip.problem().orElseThrow());
    }

    @Test
    void shouldReadMetadataWithAByteOrderMarkCrLfAndQuotedCommasAndListAnEmptyLabelAsRejected() throws Exception {
        SakuraFixture.writeTrack(root, "Gender", SakuraFixture.labels("m.wav", "male", "f.wav", "female", "q.wav", "male"), 0.1);
        Files.writeString(root.resolve("Gender/metadata.csv"), "\uFEFF" + SakuraFixture.HEADER
                + SakuraFixture.row("m.wav", "male")
                + "\"f.wav\",\"female\",\"Is it a man, or a woman?\",female,\"Say \"\"male\"\", or \"\"female\"\".\",female\r\n"
                + "q.wav,,\"Who, then?\",,,\r\n");

        List<ListedClip> clips = SakuraFolder.list(root, "S");

        assertEquals(List.of("S/gender/m.wav", "S/gender/f.wav", "S/gender/q.wav"),
                clips.stream().map(ListedClip::sampleId).toList());
        assertEquals(List.of(Optional.of("male"), Optional.of("female"), Optional.empty()),
                clips.stream().map(ListedClip::label).toList());
        assertEquals(Optional.empty(), clips.get(0).problem());
        assertEquals(Optional.empty(), clips.get(1).problem());
        assertEquals(Optional.of("metadata.csv line 5 has no attribute_label"), clips.get(2).problem(),
                "line 5: the quoted instruction of line 2 holds a line break");
    }

    @Test
    void shouldListAnUnknownTrackUnderItsOwnNameForTheAttributeCheckToRefuse() throws Exception {
        SakuraFixture.writeTrack(root, "Music", SakuraFixture.labels("song.wav", "jazz"), 0.1);

        assertEquals("music", SakuraFolder.list(root, "S").get(0).attribute());
    }

    @Test
    void shouldTakeASakuraCheckoutWhoseTracksAreInItsDataFolderLikeTheDataFolderItself() throws Exception {
        Path data = root.resolve("data");
        SakuraFixture.writeTrack(data, "Gender", SakuraFixture.labels("m1.wav", "male"), 0.1);
        SakuraFixture.writeTrack(data, "Animal", SakuraFixture.labels("dog.wav", "dog"), 0.1);
        Files.writeString(root.resolve("README.md"), "SAKURA\n");
        Files.createDirectories(root.resolve("evaluation"));

        List<ListedClip> fromCheckout = SakuraFolder.list(root, "SAKURA");
        List<ListedClip> fromData = SakuraFolder.list(data, "SAKURA");

        assertEquals(List.of("SAKURA/animal/dog.wav", "SAKURA/gender/m1.wav"),
                fromCheckout.stream().map(ListedClip::sampleId).toList());
        assertEquals(fromData, fromCheckout);
        assertEquals(data.resolve("Gender/audio/m1.wav"), fromCheckout.get(1).file());
    }

    @Test
    void shouldRefuseAFolderWithoutTracksNamingTheExpectedLayout() throws Exception {
        Files.createDirectories(root.resolve("notes"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SakuraFolder.list(root, "S"));

        assertTrue(e.getMessage().contains("/<Gender|Language|Emotion|Animal>/metadata.csv"), e.getMessage());
    }

    @Test
    void shouldRefuseMetadataWithoutTheLabelColumn() throws Exception {
        Files.createDirectories(root.resolve("Gender/audio"));
        Files.writeString(root.resolve("Gender/metadata.csv"), "file,label\nx.wav,male\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SakuraFolder.list(root, "S"));

        assertTrue(e.getMessage().contains("has no column 'attribute_label'"), e.getMessage());
    }
}
