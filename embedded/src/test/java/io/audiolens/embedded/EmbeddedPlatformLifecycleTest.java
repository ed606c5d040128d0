package io.audiolens.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformLifecycleTest {

    @TempDir
    Path runFolder;

    @Test
    void shouldFreeBothPortsAndKeepTheRunFolderOnClose() {
        InetSocketAddress broker;
        InetSocketAddress registry;
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(runFolder)) {
            broker = address(URI.create("kafka://" + platform.bootstrapServers()));
            registry = address(URI.create(platform.registryUrl()));
            assertTrue(accepts(broker) && accepts(registry), "both serve while the platform runs");
        }

        assertFalse(accepts(broker), "broker port still open after close");
        assertFalse(accepts(registry), "registry port still open after close");
        assertTrue(Files.isDirectory(runFolder.resolve("kafka")));
        assertTrue(Files.isRegularFile(runFolder.resolve("schema-registry.log")));
    }

    private static InetSocketAddress address(URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
