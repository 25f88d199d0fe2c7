package nl.eindtoets.gateway.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port on the loopback interface that was free a moment ago (tests never use fixed ports). */
public final class FreePort {
    private FreePort() {
    }

    public static int find() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
