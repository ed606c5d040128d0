package io.audiolens.worker.lens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.testing.TinyReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's native memory stays flat over many clips: every clip's native arrays are freed. */
class NativeMemoryTest {
    private static final long ALLOWED_GROWTH_KB = 48 * 1024;

    @Test
    void shouldKeepResidentMemoryFlatOverHundredsOfClips() throws Exception {
        float[] waveform = WavDecoder.decode(TinyReference.FOLDER.resolve("audio.wav")).waveform();
        ComputeDevice cpu = ComputeDevice.cpu();
        try (LensRuntime runtime = LensRuntime.load(TinyReference.FOLDER, cpu.device(), cpu.dataType(),
                LabelTokenMode.LEADING_SPACE)) {
            analyze(runtime, waveform, 30); // warm-up: allocator pools and JIT settle
            long before = nativeKb();
            analyze(runtime, waveform, 300);
            long growth = nativeKb() - before;
            assertTrue(growth < ALLOWED_GROWTH_KB, "resident memory grew by " + growth + " kB over 300 clips");
        }
    }

    private static void analyze(LensRuntime runtime, float[] waveform, int clips) {
        for (int i = 0; i < clips; i++) {
            try (ClipSession clip = runtime.open(waveform)) {
                clip.analyze(Attribute.ANIMAL, PromptFormat.values()[i % 3], List.of(Enrichment.above(1, 5, 0.5)));
            }
        }
    }

    /** Resident memory minus the Java heap the JVM has committed (which grows with garbage, not leaks). */
    private static long nativeKb() throws IOException {
        System.gc();
        return residentKb() - Runtime.getRuntime().totalMemory() / 1024;
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
