package io.audiolens.aggregator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.BinarySerde;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.GroupCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One instance's share of the counts, as instances hand it to each other: JSON around the state stores'
 * exact binary form (base64), so nothing is rounded on the way.
 */
final class StatesJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BinarySerde<GroupCounts> GROUPS = BinarySerde.groupCounts();
    private static final BinarySerde<EnrichmentCounts> ENRICHMENTS = BinarySerde.enrichmentCounts();

    private StatesJson() {
    }

    static byte[] write(AggregateStates states) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        states.groups().forEach(counts -> groups.add(GROUPS.toBytes(counts)));
        ArrayNode enrichments = root.putArray("enrichments");
        states.enrichments().forEach(counts -> enrichments.add(ENRICHMENTS.toBytes(counts)));
        root.put("rejected", states.rejected()).put("rejectedOutcomes", states.rejectedOutcomes());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write local states", e);
        }
    }

    static AggregateStates read(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        return new AggregateStates(decode(root.get("groups"), GROUPS), decode(root.get("enrichments"), ENRICHMENTS),
                root.get("rejected").asLong(), root.get("rejectedOutcomes").asLong());
    }

    private static <T> List<T> decode(JsonNode array, BinarySerde<T> serde) throws IOException {
        List<T> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(serde.fromBytes(Base64.getDecoder().decode(item.asText())));
        }
        return values;
    }
}
