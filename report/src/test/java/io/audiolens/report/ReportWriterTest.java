package io.audiolens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final String MODEL = "tiny-qwen2-audio";

    @TempDir
    static Path out;

    static List<Path> written;

    @BeforeAll
    static void writeReport() throws Exception {
        written = ReportWriter.write(Fixtures.path(Fixtures.FULL), Optional.empty(), out);
    }

    @Test
    void shouldWriteThePageTablesInputAndTwoFilesPerFigure() {
        List<String> names = written.stream().map(path -> out.relativize(path).toString()).toList();
        for (String figure : List.of("fig2-" + MODEL + "-gender", "fig2-" + MODEL + "-emotion", "fig3-" + MODEL + "-gender",
                "fig3-" + MODEL + "-emotion", "fig4-" + MODEL + "-gender", "fig4-" + MODEL + "-emotion",
                "fig5-" + MODEL + "-emotion-p3")) {
            assertTrue(names.contains("figures/" + figure + ".svg"), figure + ".svg in " + names);
            assertTrue(names.contains("figures/" + figure + ".png"), figure + ".png in " + names);
        }
        assertTrue(names.containsAll(List.of("index.html", "metrics.json", "table2.csv", "table3.csv", "tables.md")));
        assertEquals(19, names.size(), names.toString());
        written.forEach(path -> assertTrue(Files.isRegularFile(path), path + " exists"));
    }

    @Test
    void shouldWriteTableIIAsCsvWithThePapersPrecision() throws Exception {
        assertEquals("""
                model,attribute,critical_layer,accuracy_percent
                tiny-qwen2-audio,gender,6.83,86.67
                tiny-qwen2-audio,emotion,6.24,28.67
                """, Files.readString(out.resolve("table2.csv")));
    }

    @Test
    void shouldLeaveUndefinedCorrelationsEmptyInTableIII() throws Exception {
        assertEquals("""
                model,r,p,points,r_excluding_gender,p_excluding_gender,points_excluding_gender
                tiny-qwen2-audio,-0.748,5.19e-03,5,,,2
                """, Files.readString(out.resolve("table3.csv")));
    }

    @Test
    void shouldWriteBothTablesAndTheEnrichmentSweepAsMarkdown() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("tables.md"));
        assertTrue(lines.contains("| model | gender: ℓ* / accuracy % | emotion: ℓ* / accuracy % |"), lines.toString());
        assertTrue(lines.contains("| tiny-qwen2-audio | 6.83 / 86.67 | 6.24 / 28.67 |"), lines.toString());
        assertTrue(lines.contains("| tiny-qwen2-audio | -0.748 | 5.19e-03 | 5 | undefined | undefined | 2 |"));
        assertTrue(lines.contains("| 1.25 | 45.0% | 31.0% ± 3.0 | +28.6% |"), lines.toString());
        assertTrue(lines.contains("Best: λ = 1.25, +28.6% relative to λ = 0 (35.0% → 45.0%)."), lines.toString());
    }

    @Test
    void shouldDrawOneLinePerPromptWithChanceAndCriticalLayers() throws Exception {
        SvgDocument gender = SvgDocument.parse(figure("fig2-" + MODEL + "-gender.svg"));

        assertEquals("http://www.w3.org/2000/svg svg", gender.rootName());
        assertEquals(List.of("P1, accuracy 90.0%", "P2, accuracy 88.0%", "P3, accuracy 82.0%"), gender.names("series"));
        for (String series : gender.names("series")) {
            assertEquals(List.of(8), gender.polylinePoints("series", series), series);
        }
        assertEquals(List.of("chance 1/|Y| = 0.5", "ℓ* P1 = 6.88", "ℓ* P2 = 6.70", "ℓ* P3 = 6.91"), gender.names("rule"));
    }

    @Test
    void shouldSayWhyACriticalLayerIsUndefined() throws Exception {
        SvgDocument emotion = SvgDocument.parse(figure("fig2-" + MODEL + "-emotion.svg"));

        assertEquals(List.of("chance 1/|Y| = 0.2", "ℓ* P1 = 6.26", "ℓ* P3 = 6.21"), emotion.names("rule"));
        assertTrue(emotion.texts().contains("ℓ* P2: undefined (no layer above 1.2× chance)."), emotion.texts().toString());
        assertTrue(Files.readString(out.resolve("index.html")).contains("fig2-" + MODEL + "-emotion.svg"));
    }

    @Test
    void shouldPoolCorrectAndIncorrectSamplesOverThePrompts() throws Exception {
        SvgDocument gender = SvgDocument.parse(figure("fig3-" + MODEL + "-gender.svg"));

        assertEquals(List.of("correct (n = 260)", "incorrect (n = 40)"), gender.names("series"));
        assertEquals(List.of(8), gender.polylinePoints("series", "incorrect (n = 40)"));
    }

    @Test
    void shouldCompareTheThreeViews() throws Exception {
        SvgDocument emotion = SvgDocument.parse(figure("fig4-" + MODEL + "-emotion.svg"));

        assertEquals(List.of("last", "penultimate", "last_audio_masked"), emotion.names("series"));
        assertEquals(List.of(8), emotion.polylinePoints("series", "last_audio_masked"));
    }

    @Test
    void shouldDrawTheEnrichmentSweepAgainstTheRandomBand() throws Exception {
        SvgDocument sweep = SvgDocument.parse(figure("fig5-" + MODEL + "-emotion-p3.svg"));

        assertEquals(List.of("source layer 3 → 8", "random source, mean"), sweep.names("series"));
        assertEquals(7, sweep.count("series", "source layer 3 → 8", "circle"));
        assertEquals(List.of("random source, ± std"), sweep.names("band"));
        assertEquals(1, sweep.count("band", "random source, ± std", "polygon"));
        assertEquals(List.of("λ = 0 (unmodified)"), sweep.names("rule"));
    }

    @Test
    void shouldRasterizeEveryFigureAtTwiceItsSvgSize() throws Exception {
        for (Path png : written.stream().filter(path -> path.toString().endsWith(".png")).toList()) {
            BufferedImage image = ImageIO.read(png.toFile());
            Path svg = Path.of(png.toString().replace(".png", ".svg"));
            Matcher size = Pattern.compile("width=\"([0-9.]+)\" height=\"([0-9.]+)\"").matcher(Files.readString(svg));
            assertTrue(size.find(), svg + " declares its size");
            assertEquals(2 * Math.ceil(Double.parseDouble(size.group(1))), image.getWidth(), png.toString());
            assertEquals(Math.ceil(2 * Double.parseDouble(size.group(2))), image.getHeight(), png.toString());
            assertTrue(distinctColours(image) > 20, png + " has more than a blank canvas");
        }
    }

    @Test
    void shouldOpenOfflineWithEveryImageFromTheReportFolder() throws Exception {
        String html = Files.readString(out.resolve("index.html"));

        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"), "no network");
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            assertTrue(Files.isRegularFile(out.resolve(images.group(1))), images.group(1));
            count++;
        }
        assertEquals(7, count);
        assertTrue(html.contains("<dd>3 projections, 0 enrichment outcomes</dd>"), "rejected counts in the summary");
    }

    private static Path figure(String name) {
        return out.resolve("figures").resolve(name);
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
