package io.audiolens.producers.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.producers.source.ListedClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFolderTest {

    @TempDir
    Path dir;

    @Test
    void shouldHandOutAFileOnceItIsUnchangedOnTwoScans() throws Exception {
        WatchedFolder folder = watch(Optional.of("dog"));
        Files.write(dir.resolve("a.wav"), new byte[] {1, 2});
        Files.writeString(dir.resolve("notes.txt"), "not audio");

        assertEquals(List.of(), folder.newClips());
        List<ListedClip> ready = folder.newClips();

        assertEquals(List.of("live/animal/a.wav"), ready.stream().map(ListedClip::sampleId).toList());
        assertEquals(Optional.of("dog"), ready.get(0).label());
    }

    @Test
    void shouldWaitWhileAFileIsStillGrowing() throws Exception {
        WatchedFolder folder = watch(Optional.empty());
        Files.write(dir.resolve("a.wav"), new byte[] {1});
        folder.newClips();
        Files.write(dir.resolve("a.wav"), new byte[] {2}, StandardOpenOption.APPEND);

        assertEquals(List.of(), folder.newClips());
        assertEquals(1, folder.newClips().size());
    }

    @Test
    void shouldNotHandOutRememberedFilesAgainEvenAfterARestart() throws Exception {
        WatchedFolder folder = watch(Optional.empty());
        Files.write(dir.resolve("a.wav"), new byte[] {1});
        Files.write(dir.resolve("b.wav"), new byte[] {1});
        folder.newClips();
        List<ListedClip> ready = folder.newClips();
        folder.remember(ready.subList(0, 1));

        assertEquals(List.of("live/animal/b.wav"), folder.newClips().stream().map(ListedClip::sampleId).toList());

        WatchedFolder restarted = watch(Optional.empty());
        restarted.newClips();
        assertEquals(List.of("live/animal/b.wav"), restarted.newClips().stream().map(ListedClip::sampleId).toList());
    }

    @Test
    void shouldHandOutAFileAgainWhenItIsRewritten() throws Exception {
        WatchedFolder folder = watch(Optional.empty());
        Files.write(dir.resolve("a.wav"), new byte[] {1});
        folder.newClips();
        folder.remember(folder.newClips());
        Files.write(dir.resolve("a.wav"), new byte[] {1, 2, 3});
        folder.newClips();

        assertEquals(1, folder.newClips().size());
    }

    @Test
    void shouldRefuseAnUnknownAttributeOrLabelAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new WatchedFolder(dir, "live", "colour", Optional.empty(),
                SentFiles.load(dir.resolve(SentFiles.DEFAULT_NAME))));
        assertThrows(IllegalArgumentException.class, () -> watch(Optional.of("unicorn")));
    }

    @Test
    void shouldRefuseAStateFileItCannotRead() throws Exception {
        Path state = Files.writeString(dir.resolve("state.tsv"), "12\tyesterday\ta.wav\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentFiles.load(state));

        assertTrue(e.getMessage().contains("line 1 is not 'size<TAB>modified-millis<TAB>name'"), e.getMessage());
    }

    private WatchedFolder watch(Optional<String> label) {
        return new WatchedFolder(dir, "live", "animal", label, SentFiles.load(dir.resolve(SentFiles.DEFAULT_NAME)));
    }
}
