package io.audiolens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is looked at, not just written: index.html opened from disk in headless Chromium, whose
 * inline script marks every image that loaded or failed. The last report stays in
 * {@code target/browser-report/} with its screenshot, for people to open.
 */
class ReportInBrowserTest {
    private static final Path REPORT = Path.of("target", "browser-report");
    private static final Pattern IMAGE_CHECK = Pattern.compile(
            "<div id=\"image-check\"[^>]*data-images=\"(\\d+)\" data-loaded=\"(\\d+)\" data-failed=\"(\\d+)\"");

    @TempDir
    Path scratch;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(HeadlessChromium.installed(), "SKIPPED: " + HeadlessChromium.BINARY + " is absent, so nobody looks "
                + "at the report in a browser here; install it with `apt-get install -y chromium` (CI installs it)");
    }

    @Test
    void shouldLoadEveryFigureOfThePage() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.FULL), Optional.empty(), REPORT);

        String dom = new HeadlessChromium(scratch).dumpDom(REPORT.resolve("index.html").toAbsolutePath());

        Matcher check = IMAGE_CHECK.matcher(dom);
        assertTrue(check.find(), "the page's image check ran:\n" + dom);
        assertEquals(List.of("7", "7", "0"), List.of(check.group(1), check.group(2), check.group(3)),
                "images / loaded / failed");
        assertEquals(7, count(dom, "data-load=\"loaded\""));
        assertEquals(0, count(dom, "data-load=\"failed\""));
    }

    @Test
    void shouldNoticeAFigureThatDoesNotLoad() throws Exception {
        Path report = scratch.resolve("report");
        ReportWriter.write(Fixtures.path(Fixtures.FULL), Optional.empty(), report);
        Files.delete(report.resolve("figures/fig3-tiny-qwen2-audio-gender.svg"));

        String dom = new HeadlessChromium(scratch).dumpDom(report.resolve("index.html"));

        Matcher check = IMAGE_CHECK.matcher(dom);
        assertTrue(check.find(), dom);
        assertEquals(List.of("7", "6", "1"), List.of(check.group(1), check.group(2), check.group(3)));
        assertTrue(dom.contains("1 of 7 figures did not load"), "the reader is told");
    }

    @Test
    void shouldRenderAPageWorthLookingAt() throws Exception {
        ReportWriter.write(Fixtures.path(Fixtures.FULL), Optional.empty(), REPORT);
        Path screenshot = REPORT.resolve("screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        new HeadlessChromium(scratch).screenshot(REPORT.resolve("index.html").toAbsolutePath(), screenshot, 1280, 2400);

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2400, image.getHeight());
        assertTrue(ReportWriterTest.distinctColours(image) > 200, "text, charts and colours, not a blank page");
        double ink = inkFraction(image);
        assertTrue(ink > 0.04 && ink < 0.6, "ink covers " + ink + " of the page");
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /** The share of pixels that are not (near) white. */
    private static double inkFraction(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 235) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
