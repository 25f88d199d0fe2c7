package nl.eindtoets.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Loopback-only HTTP endpoint in a server-under-test JVM through which the harness reads {@link ProcessStats}
 * ({@code GET /stats}) and starts a new peak-heap window ({@code POST /reset}). One thread; idle between phases.
 */
final class StatsEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    private StatsEndpoint(HttpServer server) {
        this.server = server;
    }

    static StatsEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/stats", exchange -> reply(exchange, JSON.writeValueAsBytes(ProcessStats.current())));
        server.createContext("/reset", exchange -> {
            ProcessStats.resetPeaks();
            reply(exchange, "{}".getBytes());
        });
        server.start();
        return new StatsEndpoint(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
