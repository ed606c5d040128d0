package io.audiolens.producers.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.audiolens.producers.source.ListedClip;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipCheckTest {

    @TempDir
    Path folder;

    private Path file;
    private final ClipCheck check = new ClipCheck();

    @BeforeEach
    void writeAFile() throws Exception {
        file = Files.write(folder.resolve("x.wav"), new byte[] {1});
    }

    @Test
    void shouldAcceptAKnownAttributeAndSpellTheLabelAsTheAttributeDoes() throws Exception {
        CheckedClip checked = check.check(clip("Language", Optional.of("english"), Optional.empty()));

        assertEquals(Attribute.LANGUAGE, checked.attribute());
        assertEquals(Optional.of("English"), checked.label());
        assertEquals(Optional.empty(), checked.fixedSplit());
    }

    @Test
    void shouldMakeUnlabelledAudioUnlabelled() throws Exception {
        assertEquals(Optional.of(Split.UNLABELLED),
                check.check(clip("gender", Optional.empty(), Optional.empty())).fixedSplit());
    }

    @Test
    void shouldKeepTheSourcesSplit() throws Exception {
        assertEquals(Optional.of(Split.TEST),
                check.check(clip("gender", Optional.of("male"), Optional.of(Split.TEST))).fixedSplit());
    }

    @Test
    void shouldRejectWithAReasonThatSaysWhatToDo() {
        assertRejected("unknown attribute 'colour'; known attributes are [gender, language, emotion, animal]",
                clip("colour", Optional.of("red"), Optional.empty()));
        assertRejected("label 'unicorn' is not one of animal's labels [dog, cat, pig, cow, frog, hen, rooster,"
                + " sheep, crow]", clip("animal", Optional.of("unicorn"), Optional.empty()));
        assertRejected("split PROBE needs a label; add the label or leave the split empty (unlabelled audio is"
                + " UNLABELLED)", clip("gender", Optional.empty(), Optional.of(Split.PROBE)));
        assertRejected("split UNLABELLED but the label is 'male'; drop the label or choose probe or test",
                clip("gender", Optional.of("male"), Optional.of(Split.UNLABELLED)));
    }

    @Test
    void shouldRejectAMissingFileAndASecondListingOfOneId() throws Exception {
        ListedClip missing = ListedClip.of("d", "gender", "gone.wav", folder.resolve("gone.wav"), Optional.of("male"),
                Optional.empty());
        ListedClip once = clip("gender", Optional.of("male"), Optional.empty());
        check.check(once);

        assertRejected("file not found", missing);
        assertRejected("sample id d/gender/x.wav is listed twice (first for " + file + "); list each clip once", once);
    }

    @Test
    void shouldRejectWithTheSourcesOwnProblem() {
        assertRejected("no label", clip("gender", Optional.empty(), Optional.empty()).rejectedBecause("no label"));
    }

    @Test
    void shouldKeepTheUsableClipsInOrderAndHandEachRefusedOneOnWithItsReason() {
        ListedClip first = clip("gender", Optional.of("male"), Optional.empty());
        ListedClip colour = clip("colour", Optional.of("red"), Optional.empty());
        ListedClip other = ListedClip.of("d", "language", "y.wav", file, Optional.of("english"), Optional.empty());
        List<String> refused = new ArrayList<>();

        List<CheckedClip> usable = check.usable(List.of(first, colour, first, other),
                (clip, reason) -> refused.add(clip.sampleId() + ": " + reason));

        assertEquals(List.of(first, other), usable.stream().map(CheckedClip::listed).toList());
        assertEquals(List.of("d/colour/x.wav: unknown attribute 'colour'; known attributes are [gender, language,"
                + " emotion, animal]", "d/gender/x.wav: sample id d/gender/x.wav is listed twice (first for " + file
                + "); list each clip once"), refused);
    }

    private ListedClip clip(String attribute, Optional<String> label, Optional<Split> split) {
        return ListedClip.of("d", attribute, "x.wav", file, label, split);
    }

    private void assertRejected(String reason, ListedClip clip) {
        assertEquals(reason, assertThrows(ClipRejected.class, () -> check.check(clip)).reason());
    }
}
