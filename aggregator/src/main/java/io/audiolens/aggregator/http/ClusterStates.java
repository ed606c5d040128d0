package io.audiolens.aggregator.http;

import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.topology.LocalStates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The counts of every instance of the app: this one's from its stores (interactive queries on active
 * tasks only), the others' over HTTP from their {@code /local/states}. Metrics like Table III span groups
 * that live on different instances, so every instance serves the whole document.
 */
final class ClusterStates {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();

    ClusterStates(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    AggregateStates local() throws MetricsUnavailable {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new MetricsUnavailable("the aggregator is " + streams.state() + ", not RUNNING; retry shortly", null);
        }
        try {
            return LocalStates.read(new LocalStates.StoreReader() {
                @Override
                public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
                }
            });
        } catch (InvalidStateStoreException e) {
            throw new MetricsUnavailable("the aggregator's stores are migrating (" + e.getMessage() + "); retry shortly", e);
        }
    }

    AggregateStates all() throws MetricsUnavailable {
        List<AggregateStates> shares = new ArrayList<>();
        shares.add(local());
        for (StreamsMetadata peer : streams.metadataForAllStreamsClients()) {
            if (!peer.hostInfo().equals(self)) {
                shares.add(fetch(peer.hostInfo()));
            }
        }
        AggregateStates merged = AggregateStates.merge(shares);
        requireEachGroupOnce(merged);
        return merged;
    }

    private AggregateStates fetch(HostInfo peer) throws MetricsUnavailable {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + MetricsHttpServer.LOCAL_STATES);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(PEER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new MetricsUnavailable("instance " + uri + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8), null);
            }
            return StatesJson.read(response.body());
        } catch (IOException e) {
            throw new MetricsUnavailable("instance " + uri + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsUnavailable("interrupted while asking " + uri, e);
        }
    }

    /** Two instances reporting one group means tasks are moving between them: the sum would count twice. */
    private static void requireEachGroupOnce(AggregateStates merged) throws MetricsUnavailable {
        Set<GroupKey> seen = new HashSet<>();
        for (GroupCounts counts : merged.groups()) {
            if (!seen.add(counts.group())) {
                throw new MetricsUnavailable("group " + counts.group().asKey() + " is reported by two instances while"
                        + " tasks move; retry shortly", null);
            }
        }
    }
}
