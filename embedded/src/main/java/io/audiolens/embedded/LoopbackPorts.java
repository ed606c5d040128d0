package io.audiolens.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, for servers that must be told their port before they bind it. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";
    /** Asks for any free port. */
    static final int ANY = 0;

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; another process could still take it before we bind it. */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + HOST, e);
        }
    }
}
