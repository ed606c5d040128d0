package io.audiolens.worker.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.testing.HubCacheLayout;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hugging Face cache read offline: refs to commits, snapshots of links into blobs, and what fails how. */
class HubCacheTest {
    private static final String REPO = "audiolens/qwen2audio-tiny-a";
    private static final String FIRST = "1111111111111111111111111111111111111111";
    private static final String SECOND = "2222222222222222222222222222222222222222";

    @TempDir
    Path dir;

    private HubCacheLayout layout;
    private HubCache cache;

    @BeforeEach
    void twoRevisionsOfTheFixture() throws Exception {
        layout = new HubCacheLayout(dir.resolve("hub"));
        layout.snapshot(REPO, FIRST, TinyReference.FOLDER);
        layout.snapshot(REPO, SECOND, TinyReference.FOLDER);
        layout.put(REPO, SECOND, "generation_config.json", "{}");
        layout.ref(REPO, "main", SECOND);
        layout.ref(REPO, "v1", FIRST);
        cache = HubCache.at(layout.root());
    }

    @Test
    void shouldResolveABranchATagAndACommitToTheirSnapshots() throws Exception {
        Path main = cache.resolve(REPO);
        assertEquals(layout.root().resolve("models--audiolens--qwen2audio-tiny-a/snapshots/" + SECOND), main);
        assertEquals(main, cache.resolve(REPO + "@main"));
        assertEquals(main.resolveSibling(FIRST), cache.resolve(REPO + "@v1"));
        assertEquals(main.resolveSibling(FIRST), cache.resolve(REPO + "@" + FIRST));
        assertTrue(Files.isSymbolicLink(main.resolve("model.safetensors")));
        assertArrayEquals(Files.readAllBytes(TinyReference.FOLDER.resolve("model.safetensors")),
                Files.readAllBytes(main.resolve("model.safetensors")));
        assertTrue(Files.exists(main.resolve("generation_config.json")));
        assertTrue(Files.notExists(main.resolveSibling(FIRST).resolve("generation_config.json")));
    }

    @Test
    void shouldNameTheModelTheRevisionTheFolderAndTheDownloadForAMissingModel() {
        assertTrue(cache.find(HubId.parse("Qwen/Qwen2-Audio-7B-Instruct").orElseThrow()).isEmpty());
        String message = assertThrows(CheckpointException.class, () -> cache.resolve("Qwen/Qwen2-Audio-7B-Instruct"))
                .getMessage();
        assertTrue(message.contains("Qwen/Qwen2-Audio-7B-Instruct (revision main)"), message);
        assertTrue(message.contains(layout.root().resolve("models--Qwen--Qwen2-Audio-7B-Instruct").toString()), message);
        assertTrue(message.contains("huggingface-cli download Qwen/Qwen2-Audio-7B-Instruct`"), message);
    }

    @Test
    void shouldListTheRevisionsThereAreForAMissingRevision() {
        String message = assertThrows(CheckpointException.class, () -> cache.resolve(REPO + "@v2")).getMessage();
        assertTrue(message.contains("not at revision 'v2'"), message);
        assertTrue(message.contains("refs/ has main, v1"), message);
        assertTrue(message.contains("snapshots/ has " + FIRST + ", " + SECOND), message);
        assertTrue(message.contains("huggingface-cli download " + REPO + " --revision v2"), message);
    }

    @Test
    void shouldRefuseASnapshotWhoseShardBlobIsGone() throws Exception {
        layout.put(REPO, FIRST, "model-00002-of-00002.safetensors", "shard two");
        layout.deleteBlobOf(REPO, FIRST, "model-00002-of-00002.safetensors");
        String message = assertThrows(CheckpointException.class, () -> cache.resolve(REPO + "@v1")).getMessage();
        assertTrue(message.startsWith("snapshot " + FIRST + " of " + REPO + "@v1 is incomplete: "
                + "model-00002-of-00002.safetensors links to ../../blobs/"), message);
        assertTrue(message.contains("which is missing"), message);
        assertTrue(message.contains("huggingface-cli download " + REPO + " --revision v1` again"), message);
        assertTrue(cache.find(HubId.parse(REPO + "@v1").orElseThrow()).isPresent(), "find does not judge completeness");
    }

    @Test
    void shouldRefuseASnapshotWithoutAShardItsIndexLists() throws Exception {
        layout.put(REPO, SECOND, "model.safetensors.index.json", "{\"weight_map\": {\"a\": \"model.safetensors\","
                + " \"b\": \"model-00002-of-00002.safetensors\"}}");
        String message = assertThrows(CheckpointException.class, () -> cache.resolve(REPO)).getMessage();
        assertTrue(message.contains("model.safetensors.index.json lists model-00002-of-00002.safetensors, which the"
                + " snapshot does not have"), message);
    }

    @Test
    void shouldPickTheCacheFolderAsHuggingfaceHubDoes() {
        Path home = Path.of("/home/u");
        Map<String, String> all = Map.of("HF_HUB_CACHE", "/a", "HUGGINGFACE_HUB_CACHE", "/b", "HF_HOME", "/c",
                "XDG_CACHE_HOME", "/d");
        assertEquals(Path.of("/a"), HubCache.fromEnvironment(all, home).root());
        assertEquals(Path.of("/b"), HubCache.fromEnvironment(without(all, "HF_HUB_CACHE"), home).root());
        assertEquals(Path.of("/c/hub"), HubCache.fromEnvironment(Map.of("HF_HOME", "/c", "XDG_CACHE_HOME", "/d"), home).root());
        assertEquals(Path.of("/d/huggingface/hub"), HubCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/d"), home).root());
        assertEquals(Path.of("/home/u/.cache/huggingface/hub"), HubCache.fromEnvironment(Map.of(), home).root());
        assertEquals(Path.of("/home/u/hf/hub"), HubCache.fromEnvironment(Map.of("HF_HOME", "~/hf"), home).root());
        assertEquals("$HF_HOME/hub", HubCache.fromEnvironment(Map.of("HF_HOME", "/c"), home).source());
    }

    @Test
    void shouldListTheCachedModelsWithTheirRefsAndSnapshots() {
        List<CachedModel> models = cache.models();
        assertEquals(1, models.size());
        assertEquals(REPO, models.get(0).repo());
        assertEquals(Map.of("main", SECOND, "v1", FIRST), models.get(0).refs());
        assertEquals(List.of(FIRST, SECOND), models.get(0).snapshots().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void shouldTakeAFolderAsItIsAndNameAHubModelAfterItsName() throws Exception {
        ModelLocation hub = ModelLocation.of(REPO + "@v1", cache);
        assertEquals("qwen2audio-tiny-a", hub.name());
        assertEquals(cache.resolve(REPO + "@v1"), hub.folder());
        Path folder = Files.createDirectories(dir.resolve("audiolens/qwen2audio-tiny-a"));
        ModelLocation local = ModelLocation.of(folder.toString(), cache);
        assertEquals(folder, local.folder());
        assertTrue(local.hubId().isEmpty());
        String message = assertThrows(CheckpointException.class, () -> ModelLocation.of(dir.resolve("none").toString(), cache))
                .getMessage();
        assertTrue(message.contains("no folder " + dir.resolve("none")) && message.contains("not a hub name"), message);
    }

    @Test
    void shouldReadOnlyWhatIsWrittenLikeAHubName() {
        assertEquals(new HubId("Qwen", "Qwen2-Audio-7B-Instruct", "refs/pr/1"),
                HubId.parse("Qwen/Qwen2-Audio-7B-Instruct@refs/pr/1").orElseThrow());
        assertTrue(HubId.parse("/models/qwen").isEmpty());
        assertTrue(HubId.parse("a/b/c").isEmpty());
        assertTrue(HubId.parse("../b").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> HubId.parse("a/b@../../etc"));
    }

    private static Map<String, String> without(Map<String, String> env, String variable) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.remove(variable);
        return copy;
    }
}
