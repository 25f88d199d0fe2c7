package nl.eindtoets.gateway.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Main class of a server-under-test JVM: {@code ServerLauncher <gateway|baseline> <port> <ready-file> [key=value...]}.
 * Starts the server on {@code localhost:port}, then writes the stats endpoint's port to the ready file; stops when
 * its standard input closes (the harness ended or went away). The key=value pairs are gateway configuration.
 */
public final class ServerLauncher {

    private ServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        ServerKind kind = ServerKind.valueOf(args[0].toUpperCase());
        int port = Integer.parseInt(args[1]);
        Path readyFile = Path.of(args[2]);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        settings.put("server.host", "localhost");
        settings.put("server.port", String.valueOf(port));
        settings.put("server.public-url", "https://localhost:" + port);
        GatewayConfig config = GatewayConfig.defaults(settings);

        AutoCloseable server = switch (kind) {
            case GATEWAY -> Gateway.start(config);
            case BASELINE -> BaselineServer.start(config);
            case PLAIN -> BaselineServer.startWithoutSecurity(config);
        };
        StatsEndpoint stats = StatsEndpoint.start();
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        Files.writeString(tmp, String.valueOf(stats.port()));
        Files.move(tmp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        // Block until the harness closes our stdin; then shut down in order.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // commands are not used; the stream is the lifeline
            }
        }
        stats.close();
        server.close();
        System.exit(0);
    }
}
