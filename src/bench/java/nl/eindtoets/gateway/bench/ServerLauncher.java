package nl.eindtoets.gateway.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.security.CryptoProviders;

/**
 * Main class of a server-under-test JVM: {@code ServerLauncher <gateway|baseline> <port> <ready-file> [key=value...]}.
 * Installs the security provider of {@code crypto.provider} (the gateway does so itself, the baselines here), starts
 * the server on {@code localhost:port}, then writes the stats endpoint's port and the JCA provider that signs with the
 * server key to the ready file (one line each); stops when its standard input closes (the harness ended or went
 * away). The key=value pairs are gateway configuration.
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

        // As in Gateway.start: before any key store, signature or TLS context exists.
        CryptoProviders.install(config);
        AutoCloseable server = switch (kind) {
            case GATEWAY -> Gateway.start(config);
            case BASELINE -> BaselineServer.start(config);
            case PLAIN -> BaselineServer.startWithoutSecurity(config);
        };
        StatsEndpoint stats = StatsEndpoint.start();
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        String signingProvider = CryptoProviders.signingProvider(KeystoreCredentials.of(
                config.path("gateway.keystore"), config.string("gateway.keystore.password")).load().privateKey());
        Files.writeString(tmp, stats.port() + "\n" + signingProvider + "\n");
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
