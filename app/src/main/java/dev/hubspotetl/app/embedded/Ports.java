package dev.hubspotetl.app.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks a port before an embedded server binds it, so that a clash is reported in the user's terms. */
public final class Ports {

    private Ports() {
    }

    /** Throws, naming the option that moves it, when {@code localhost:port} is taken. */
    public static void requireFree(int port, String what, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is taken (" + e.getMessage()
                    + "): choose another with " + option, e);
        }
    }
}
