package io.audiolens.app.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of a Prometheus text exposition (0.0.4): every sample line, {@code name{labels}} → value. */
record PrometheusText(String contentType, String text, Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})?\\s+(\\S+)$");

    static PrometheusText scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics on " + port + " answered " + response.statusCode());
        }
        return parse(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    static PrometheusText parse(String contentType, String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    Double.parseDouble(sample.group(3)));
        }
        return new PrometheusText(contentType, text, samples);
    }

    /** The sum of every series of metric {@code name} whose labels contain each of {@code labels} ("k=\"v\""). */
    double sum(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            String metric = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            boolean matches = metric.equals(name);
            for (String label : labels) {
                matches &= series.contains(label);
            }
            if (matches) {
                sum += sample.getValue();
            }
        }
        return sum;
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.equals(name) || series.startsWith(name + "{"));
    }
}
