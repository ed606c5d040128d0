package io.audiolens.worker.model.desta2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.hub.HubCache;
import io.audiolens.worker.testing.HubCacheLayout;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeSTA2's Whisper and Llama found by hub id: a given folder, then beside config.json, then the HF cache. */
class InnerModelsTest {
    private static final Path FIXTURE = TinyReference.folder("desta2-tiny-a");
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void shouldTakeAGivenFolderFirstThenTheFolderBesideThenTheCache() throws Exception {
        HubCacheLayout layout = new HubCacheLayout(dir.resolve("hub"));
        Path cached = layout.snapshot("openai/whisper-small", COMMIT, FIXTURE.resolve("whisper"));
        layout.ref("openai/whisper-small", "main", COMMIT);
        Path alone = Files.createDirectories(dir.resolve("desta2"));
        HubCache cache = HubCache.at(layout.root());

        assertEquals(cached, new InnerModels(alone, Map.of(), cache).find("openai/whisper-small", "whisper"));
        assertEquals(FIXTURE.resolve("whisper"), new InnerModels(FIXTURE, Map.of(), cache).find("openai/whisper-small",
                "whisper"));
        Path given = FIXTURE.resolve("whisper");
        assertEquals(given, new InnerModels(alone, Map.of("whisper", given), cache).find("openai/whisper-small", "whisper"));
    }

    @Test
    void shouldNameTheIdAndEveryPlaceLookedInWhenNoneHoldsTheModel() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("desta2"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> new InnerModels(alone, Map.of(),
                HubCache.at(dir.resolve("empty-hub"))).find("meta-llama/Meta-Llama-3-8B-Instruct", "llama"));
        assertTrue(e.getMessage().contains("meta-llama/Meta-Llama-3-8B-Instruct") && e.getMessage().contains(
                alone.resolve("llama").toString()) && e.getMessage().contains("models--meta-llama--Meta-Llama-3-8B-Instruct")
                && e.getMessage().contains("huggingface-cli download") && e.getMessage().contains("--llama DIR"),
                e.getMessage());
    }
}
