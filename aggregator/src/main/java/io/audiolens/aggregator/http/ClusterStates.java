package io.audiolens.aggregator.http;

import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.monitor.GroupMonitor;
import io.audiolens.aggregator.monitor.GroupView;
import io.audiolens.aggregator.monitor.MonitorDocument;
import io.audiolens.aggregator.monitor.PinnedBaselines;
import io.audiolens.aggregator.monitor.WindowState;
import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.topology.LocalMonitor;
import io.audiolens.aggregator.topology.LocalStates;
import io.audiolens.aggregator.topology.StoreNames;
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
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The counts of every instance of the app: this one's from its stores (interactive queries on active
 * tasks only), the others' over HTTP from their {@code /local/states}. Metrics like Table III span groups
 * that live on different instances, so every instance serves the whole document. The monitor likewise,
 * through {@code /local/monitor}.
 */
final class ClusterStates {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final AggregatorSettings settings;
    private final PinnedBaselines pinned;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();

    ClusterStates(KafkaStreams streams, HostInfo self, AggregatorSettings settings, PinnedBaselines pinned) {
        this.streams = streams;
        this.self = self;
        this.settings = settings;
        this.pinned = pinned;
    }

    AggregateStates local() throws MetricsUnavailable {
        requireRunning();
        try {
            return LocalStates.read(new LocalStates.StoreReader() {
                @Override
                public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                    return ClusterStates.this.store(name, QueryableStoreTypes.keyValueStore());
                }
            });
        } catch (InvalidStateStoreException e) {
            throw migrating(e);
        }
    }

    AggregateStates all() throws MetricsUnavailable {
        List<AggregateStates> shares = new ArrayList<>();
        shares.add(local());
        for (HostInfo peer : peers()) {
            try {
                shares.add(StatesJson.read(fetch(peer, MetricsHttpServer.LOCAL_STATES)));
            } catch (IOException e) {
                throw new MetricsUnavailable("instance " + peer + " sent unreadable states: " + e.getMessage(), e);
            }
        }
        AggregateStates merged = AggregateStates.merge(shares);
        requireEachGroupOnce(merged.groups().stream().map(GroupCounts::group).map(GroupKey::asKey).toList());
        return merged;
    }

    MonitorDocument localMonitor() throws MetricsUnavailable {
        requireRunning();
        try {
            return MonitorDocument.of(settings.monitor(), LocalMonitor.read(new LocalMonitor.Stores() {
                @Override
                public ReadOnlyKeyValueStore<String, GroupMonitor> groups() {
                    return store(StoreNames.MONITOR_GROUPS, QueryableStoreTypes.keyValueStore());
                }

                @Override
                public ReadOnlyWindowStore<String, WindowState> windows() {
                    return store(StoreNames.MONITOR_WINDOWS, QueryableStoreTypes.windowStore());
                }

                @Override
                public ReadOnlyKeyValueStore<String, byte[]> baselines() {
                    return store(StoreNames.MONITOR_BASELINES, QueryableStoreTypes.keyValueStore());
                }
            }, settings.monitor(), pinned));
        } catch (InvalidStateStoreException e) {
            throw migrating(e);
        }
    }

    MonitorDocument allMonitor() throws MetricsUnavailable {
        List<GroupView> groups = new ArrayList<>(localMonitor().groups());
        for (HostInfo peer : peers()) {
            try {
                groups.addAll(MonitorDocument.fromJson(fetch(peer, MonitorEndpoint.LOCAL_MONITOR)).groups());
            } catch (RuntimeException e) {
                throw new MetricsUnavailable("instance " + peer + " sent an unreadable monitor: " + e.getMessage(), e);
            }
        }
        requireEachGroupOnce(groups.stream().map(GroupView::group).toList());
        return MonitorDocument.of(settings.monitor(), groups);
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, type));
    }

    private void requireRunning() throws MetricsUnavailable {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new MetricsUnavailable("the aggregator is " + streams.state() + ", not RUNNING; retry shortly", null);
        }
    }

    private static MetricsUnavailable migrating(InvalidStateStoreException e) {
        return new MetricsUnavailable("the aggregator's stores are migrating (" + e.getMessage() + "); retry shortly", e);
    }

    private List<HostInfo> peers() {
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).toList();
    }

    private byte[] fetch(HostInfo peer, String path) throws MetricsUnavailable {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(PEER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new MetricsUnavailable("instance " + uri + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new MetricsUnavailable("instance " + uri + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsUnavailable("interrupted while asking " + uri, e);
        }
    }

    /** Two instances reporting one group means tasks are moving between them: the sum would count twice. */
    private static void requireEachGroupOnce(List<String> groups) throws MetricsUnavailable {
        Set<String> seen = new HashSet<>();
        for (String group : groups) {
            if (!seen.add(group)) {
                throw new MetricsUnavailable("group " + group + " is reported by two instances while tasks move;"
                        + " retry shortly", null);
            }
        }
    }
}
