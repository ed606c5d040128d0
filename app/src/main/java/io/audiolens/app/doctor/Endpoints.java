package io.audiolens.app.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Whether the Kafka bootstrap servers and the schema registry a user names accept a TCP connection. */
final class Endpoints {
    private static final int TIMEOUT_MS = 3000;

    private Endpoints() {}

    static ObjectNode check(String bootstrapServers, String registryUrl) {
        ObjectNode endpoints = new ObjectMapper().createObjectNode();
        if (bootstrapServers != null) {
            ArrayNode kafka = endpoints.putArray("bootstrapServers");
            for (String server : bootstrapServers.split(",")) {
                String address = server.trim();
                int colon = address.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--bootstrap-servers " + bootstrapServers + ": '" + address
                            + "' is not host:port");
                }
                kafka.add(reach(address, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
            }
        }
        if (registryUrl != null) {
            URI uri = URI.create(registryUrl);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("--registry-url " + registryUrl + " has no host; write it like"
                        + " http://127.0.0.1:8080");
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            endpoints.set("registry", reach(registryUrl, uri.getHost(), port));
        }
        return endpoints;
    }

    private static ObjectNode reach(String given, String host, int port) {
        ObjectNode node = new ObjectMapper().createObjectNode().put("address", given);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            node.put("reachable", true);
        } catch (IOException e) {
            node.put("reachable", false).put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return node;
    }
}
