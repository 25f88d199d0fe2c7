package nl.eindtoets.gateway.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Plain-HTTP operations endpoints, on loopback by default: {@code /health} (the process answers),
 * {@code /ready} (database, trust material and mandate register usable) and {@code /metrics} (Prometheus).
 * They carry no pupil data; anything beyond loopback belongs behind the operator's own access control.
 */
public final class OperationsServer implements AutoCloseable {

    private final HttpServer server;

    public OperationsServer(String host, int port, GatewayMetrics metrics, List<ReadinessCheck> checks) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", ex -> respond(ex, 200, "text/plain", "UP\n"));
        server.createContext("/ready", ex -> {
            Map<String, String> problems = new LinkedHashMap<>();
            for (ReadinessCheck c : checks) {
                String p;
                try {
                    p = c.problem();
                } catch (RuntimeException e) {
                    p = e.getClass().getSimpleName();
                }
                if (p != null) {
                    problems.put(c.name(), p);
                }
            }
            StringBuilder body = new StringBuilder(problems.isEmpty() ? "READY\n" : "NOT READY\n");
            problems.forEach((k, v) -> body.append(k).append(": ").append(v).append('\n'));
            respond(ex, problems.isEmpty() ? 200 : 503, "text/plain", body.toString());
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4", metrics.scrape()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
