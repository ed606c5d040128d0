package io.audiolens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model-family seam, read off the compiled classes: nothing outside a family's package refers to a
 * family class, but the registry that names the families ({@code model/ModelFamilies}) and DeSTA2, which
 * composes Whisper and Llama. {@code train-tiny} trains through {@code ModelFamily.tinyTraining()}.
 */
class ModelSeamTest {
    private static final String MODEL = "io/audiolens/worker/model/";
    private static final List<String> FAMILIES = List.of("qwen2audio", "qwenaudio", "llama", "whisper", "desta2");
    private static final List<Path> CLASSES = List.of(Path.of("../inference-worker/target/classes"), Path.of("target/classes"));

    @Test
    void shouldKeepEveryFamilyClassBehindTheModelApi() throws IOException {
        List<String> crossings = new ArrayList<>();
        int scanned = 0;
        for (Path root : CLASSES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString();
                    String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    scanned++;
                    for (String family : FAMILIES) {
                        if (constants.contains(MODEL + family + "/") && !mayName(name, family)) {
                            crossings.add(name + " -> " + family);
                        }
                    }
                }
            }
        }
        assertFalse(scanned < 100, "found only " + scanned + " classes under " + CLASSES);
        assertEquals(List.of(), crossings, "classes outside a family that refer to it");
    }

    private static boolean mayName(String className, String family) {
        return className.startsWith(MODEL + family + "/") || className.equals(MODEL + "ModelFamilies.class")
                || className.startsWith(MODEL + "desta2/") && List.of("whisper", "llama").contains(family);
    }
}
