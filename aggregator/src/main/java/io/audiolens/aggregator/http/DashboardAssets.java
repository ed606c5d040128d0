package io.audiolens.aggregator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The live dashboard: its page, script and style from this jar, and ECharts from its WebJar (no CDN: the
 * page works on a machine without internet).
 */
final class DashboardAssets {

    static final String PAGE = "/";
    static final String ASSETS = "/assets/";
    private static final String OWN = "/io/audiolens/aggregator/dashboard/";
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** Path → (classpath resource, content type). */
    private static final Map<String, String[]> FILES = Map.of(
            PAGE, new String[] {OWN + "index.html", "text/html; charset=utf-8"},
            ASSETS + "dashboard.js", new String[] {OWN + "dashboard.js", "text/javascript; charset=utf-8"},
            ASSETS + "dashboard.css", new String[] {OWN + "dashboard.css", "text/css; charset=utf-8"},
            ASSETS + "echarts.min.js", new String[] {ECHARTS, "text/javascript; charset=utf-8"});

    private DashboardAssets() {
    }

    /** The file served at {@code path}, with its content type; empty for any other path. */
    static Optional<Asset> at(String path) {
        String[] file = FILES.get(path);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = DashboardAssets.class.getResourceAsStream(file[0])) {
            if (in == null) {
                throw new IllegalStateException(file[0] + " is missing from the aggregator's classpath; rebuild it"
                        + " (mvn install)");
            }
            return Optional.of(new Asset(in.readAllBytes(), file[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file[0], e);
        }
    }

    record Asset(byte[] bytes, String type) {}
}
