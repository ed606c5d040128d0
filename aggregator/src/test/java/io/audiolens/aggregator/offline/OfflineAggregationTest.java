package io.audiolens.aggregator.offline;

import static io.audiolens.schemas.PromptFormat.P3;
import static io.audiolens.schemas.Split.PROBE;
import static io.audiolens.schemas.Split.TEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.AggregatorDriver;
import io.audiolens.aggregator.Group;
import io.audiolens.aggregator.ProjectionLines;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.View;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineAggregationTest {

    private static final Group LAST = Group.of("m-offline", "emotion", P3, View.LAST, "a", "b", "c");
    private static final Group MASKED = Group.of("m-offline", "emotion", P3, View.LAST_AUDIO_MASKED, "a", "b", "c");

    @TempDir
    Path folder;

    @Test
    void shouldSkipCountAndReportLinesThatAreNotValidProjections() throws Exception {
        Path input = folder.resolve("projections.jsonl");
        Files.writeString(input, String.join("\n",
                ProjectionLines.line(LAST.labelled("s1", TEST, "a", "a", "aaa")),
                "{not json",
                ProjectionLines.line(LAST.labelled("s2", TEST, "z", "a", "aaa")),
                "",
                ProjectionLines.line(LAST.labelled("s3", TEST, "a", "a", "aa")).replace("\"layerProbs\":[[",
                        "\"layers\":3,\"layerProbs\":[["),
                ProjectionLines.line(LAST.labelled("s4", TEST, "b", "b", "bbb"))) + "\n");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        OfflineAggregation.Result result = OfflineAggregation.run(input, java.util.Optional.empty(), folder.resolve("out/metrics.json"),
                AggregationParameters.defaults(), new PrintStream(errors, true, StandardCharsets.UTF_8)::println);

        String reported = errors.toString(StandardCharsets.UTF_8);
        assertEquals(3, result.rejected());
        assertTrue(reported.contains("projections.jsonl:2: rejected: not JSON"), reported);
        assertTrue(reported.contains("projections.jsonl:3: rejected: label 'z' is not one of [a, b, c]"), reported);
        assertTrue(reported.contains("projections.jsonl:5: rejected: layerProbs has 2 rows but layers is 3"), reported);
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve("out/metrics.json").toFile());
        assertEquals(3, metrics.get("rejected").asInt());
        assertEquals(2, metrics.get("groups").get(0).get("samples").asInt());
    }

    @Test
    void shouldWriteNullNotNaNWhereAScoreIsUndefined() throws Exception {
        Path input = folder.resolve("projections.jsonl");
        Files.writeString(input, ProjectionLines.line(LAST.labelled("s1", TEST, "a", "a", "aaa")) + "\n");

        OfflineAggregation.run(input, java.util.Optional.empty(), folder.resolve("metrics.json"), AggregationParameters.defaults(), System.err::println);

        String json = Files.readString(folder.resolve("metrics.json"));
        assertTrue(!json.contains("NaN"), json);
        JsonNode group = new ObjectMapper().readTree(json).get("groups").get(0);
        assertTrue(group.get("infoScoreIncorrect").get(0).isNull());
        assertTrue(group.get("probe").get("sourceLayer").isNull());
        assertEquals(1.0, group.get("accuracy").asDouble());
    }

    @Test
    void shouldWriteTheSameBytesAsTheTopologysStoresForTheSameProjections() throws Exception {
        List<LayerProjection> projections = mixedProjections();
        Path input = folder.resolve("projections.jsonl");
        Files.writeString(input, ProjectionLines.lines(projections));
        AggregationParameters parameters = AggregationParameters.defaults().withProbeSize(4);

        OfflineAggregation.run(input, java.util.Optional.empty(), folder.resolve("first.json"), parameters, System.err::println);
        OfflineAggregation.run(input, java.util.Optional.empty(), folder.resolve("second.json"), parameters, System.err::println);
        byte[] fromTopology;
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(4), folder.resolve("state"))) {
            projections.forEach(driver::project);
            fromTopology = driver.document().toJson();
        }

        byte[] offline = Files.readAllBytes(folder.resolve("first.json"));
        assertArrayEquals(offline, Files.readAllBytes(folder.resolve("second.json")));
        assertEquals(new String(offline, StandardCharsets.UTF_8), new String(fromTopology, StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadEitherSpellingAndWriteTheLowerCaseIdsOfProjectionsJsonl() throws Exception {
        Path input = folder.resolve("projections.jsonl");
        String lower = ProjectionLines.line(LAST.labelled("s1", TEST, "a", "a", "aaa"));
        String upper = ProjectionLines.line(MASKED.labelled("s1", TEST, "a", "b", "bbb"))
                .replace("\"view\":\"last_audio_masked\"", "\"view\":\"LAST_AUDIO_MASKED\"")
                .replace("\"split\":\"test\"", "\"split\":\"TEST\"");
        assertTrue(upper.contains("LAST_AUDIO_MASKED") && upper.contains("TEST"), upper);
        Files.writeString(input, lower + "\n" + upper + "\n");

        OfflineAggregation.Result result = OfflineAggregation.run(input, java.util.Optional.empty(),
                folder.resolve("metrics.json"), AggregationParameters.defaults(), System.err::println);

        assertEquals(0, result.rejected());
        JsonNode groups = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile()).get("groups");
        assertEquals(List.of("last", "last_audio_masked"), List.of(groups.get(0).get("view").asText(),
                groups.get(1).get("view").asText()));
        assertEquals("P3", groups.get(0).get("prompt").asText());
        assertTrue(lower.contains("\"view\":\"last\"") && lower.contains("\"split\":\"test\""), lower);
    }

    /** Two views of one model × attribute × prompt, probe and test, right and wrong, a duplicate, unlabelled. */
    static List<LayerProjection> mixedProjections() {
        List<LayerProjection> projections = new ArrayList<>();
        String[] readouts = {"abc", "bba", "cca", "aab", "bbb", "acb", "caa", "bab"};
        for (int i = 0; i < 16; i++) {
            String label = String.valueOf("abc".charAt(i % 3));
            String prediction = String.valueOf("abc".charAt(i * 2 % 3)); // right when i % 3 == 0
            projections.add(LAST.labelled("s" + i, i % 2 == 0 ? PROBE : TEST, label, prediction, readouts[i % 8]));
            projections.add(MASKED.labelled("s" + i, TEST, label, prediction, readouts[(i + 3) % 8]));
        }
        projections.add(LAST.labelled("s3", TEST, "a", "a", "aaa"));
        projections.add(LAST.unlabelled("u1", "b", "bab"));
        return projections;
    }
}
