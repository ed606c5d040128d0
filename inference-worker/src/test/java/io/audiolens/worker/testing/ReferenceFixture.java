package io.audiolens.worker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A reference case under {@code src/test/resources/NAME/}: its files, and the arrays of its
 * {@code reference.npz} as written by {@code np.savez[_compressed]} from the PyTorch/HF reference run.
 *
 * <pre>{@code
 * ReferenceFixture ref = ReferenceFixture.load("qwen2audio-tiny-a");
 * float[] features = ref.floats("input_features");   // shape ref.shape("input_features") = [128, 3000]
 * long frames = ref.longs("feature_frames")[0];       // a scalar reads as one element
 * }</pre>
 */
public final class ReferenceFixture {

    private final String name;
    private final Path dir;
    private final Map<String, NpyArray> arrays;

    private ReferenceFixture(String name, Path dir, Map<String, NpyArray> arrays) {
        this.name = name;
        this.dir = dir;
        this.arrays = arrays;
    }

    /** Loads the test resource folder {@code name}, which must hold a {@code reference.npz}. */
    public static ReferenceFixture load(String name) {
        URL url = ReferenceFixture.class.getResource("/" + name + "/reference.npz");
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name + "/reference.npz: put the fixture under"
                    + " src/test/resources/" + name + "/");
        }
        try {
            Path npz = Path.of(url.toURI());
            return new ReferenceFixture(name, npz.getParent(), readNpz(npz));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource URL " + url + " is not a file path", e);
        }
    }

    /** A file of the fixture, e.g. {@code audio.wav}. */
    public Path file(String fileName) {
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("fixture " + name + " has no file " + fileName + " in " + dir);
        }
        return file;
    }

    /** An array's values as float32 (read from {@code <f4} or {@code <f8}), row-major. */
    public float[] floats(String array) {
        return array(array).floats();
    }

    /** An array's values as int64 (read from {@code <i8} or {@code <i4}), row-major. */
    public long[] longs(String array) {
        return array(array).longs();
    }

    /** An array's shape; {@code []} for a scalar. */
    public long[] shape(String array) {
        return array(array).shape().clone();
    }

    private NpyArray array(String array) {
        NpyArray found = arrays.get(array);
        if (found == null) {
            throw new IllegalArgumentException("fixture " + name + " has no array '" + array + "' in reference.npz;"
                    + " it has " + arrays.keySet());
        }
        return found;
    }

    private static Map<String, NpyArray> readNpz(Path npz) throws IOException {
        Map<String, NpyArray> arrays = new TreeMap<>();
        try (InputStream file = Files.newInputStream(npz); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String array = entry.getName().replaceFirst("\\.npy$", "");
                arrays.put(array, NpyArray.parse(array, zip.readAllBytes()));
            }
        }
        return arrays;
    }
}
