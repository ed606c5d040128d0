package io.audiolens.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.run.ChildProcess;
import io.audiolens.app.run.ChildProcess.Finished;
import io.audiolens.app.run.ChildProcess.Running;
import io.audiolens.worker.testing.HubCacheLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --model ORG/NAME[@REV]} against a Hugging Face cache laid out around the reference fixture, in
 * child JVMs whose {@code HF_HUB_CACHE} names it: the same output as the folder, and clear failures.
 */
class HubModelInspectTest {
    private static final Path FIXTURE = Path.of("target/test-classes/qwen2audio-tiny-a").toAbsolutePath();
    private static final String REPO = "audiolens/qwen2audio-tiny-a";
    private static final String FIRST = "1111111111111111111111111111111111111111";
    private static final String SECOND = "2222222222222222222222222222222222222222";
    private static final String BROKEN = "3333333333333333333333333333333333333333";

    @TempDir
    Path dir;

    @Test
    void shouldReadTheHubNameItsRevisionsAndTheFolderAlikeAndFailClearlyOnWhatIsMissing() throws Exception {
        HubCacheLayout layout = new HubCacheLayout(dir.resolve("hub"));
        layout.snapshot(REPO, FIRST, FIXTURE);
        layout.snapshot(REPO, SECOND, FIXTURE);
        layout.put(REPO, SECOND, "generation_config.json", "{}");
        layout.snapshot(REPO, BROKEN, FIXTURE);
        layout.put(REPO, BROKEN, "model.safetensors", "the first bytes of an interrupted download");
        layout.deleteBlobOf(REPO, BROKEN, "model.safetensors");
        layout.ref(REPO, "main", SECOND);
        layout.ref(REPO, "v1", FIRST);
        layout.ref(REPO, "broken", BROKEN);
        Map<String, String> env = Map.of("HF_HUB_CACHE", layout.root().toString());

        List<Running> hubNames = new ArrayList<>();
        for (String model : List.of(REPO, REPO + "@v1", REPO + "@" + FIRST)) {
            hubNames.add(ChildProcess.start(dir, env, inspect(model)));
        }
        Running absent = ChildProcess.start(dir, env, inspect("audiolens/absent"));
        Running noRevision = ChildProcess.start(dir, env, inspect(REPO + "@v9"));
        Running broken = ChildProcess.start(dir, env, inspect(REPO + "@broken"));

        InspectCommandTest.Result folder = InspectCommandTest.run(inspect(FIXTURE.toString()));
        assertEquals(0, folder.exitCode(), folder.err());
        String folderOutput = folder.out();
        assertTrue(folderOutput.contains("\"model\":\"qwen2audio-tiny-a\""), folderOutput);
        for (Running run : hubNames) {
            Finished done = run.await();
            assertEquals(0, done.exitCode(), run.args() + "\n" + done.err());
            assertEquals(folderOutput, done.out().trim(), run.args());
        }

        Finished missing = absent.await();
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("--model audiolens/absent: no folder ")
                && missing.err().contains("audiolens/absent (revision main) is not in the Hugging Face cache")
                && missing.err().contains(layout.root().resolve("models--audiolens--absent").toString())
                && missing.err().contains("$HF_HUB_CACHE")
                && missing.err().contains("`huggingface-cli download audiolens/absent`"), missing.err());
        Finished revision = noRevision.await();
        assertEquals(2, revision.exitCode(), revision.err());
        assertTrue(revision.err().contains("not at revision 'v9': refs/ has broken, main, v1")
                && revision.err().contains("huggingface-cli download " + REPO + " --revision v9"), revision.err());
        Finished shard = broken.await();
        assertEquals(2, shard.exitCode(), shard.err());
        assertTrue(shard.err().contains("snapshot " + BROKEN + " of " + REPO + "@broken is incomplete: model.safetensors"
                + " links to ../../blobs/") && shard.err().contains("which is missing"), shard.err());
        assertEquals("", shard.out());
    }

    private static String[] inspect(String model) {
        return new String[] {"inspect", "--model", model, "--audio", FIXTURE.resolve("audio.wav").toString(), "--attribute",
                "animal", "--prompt", "P3", "--enrich-layer", "2", "--lambda", "0.5", "--device", "cpu", "--json"};
    }
}
