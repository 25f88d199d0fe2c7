package nl.eindtoets.gateway.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.TruststoreFile;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.it.FreePort;

/**
 * One real gateway node in this JVM (Jetty, mutual TLS, the whole chain) on free loopback ports, with clients
 * and plain HTTP calls to its operations and back office endpoints.
 */
final class Node implements AutoCloseable {

    static final String PASSWORD = "changeit";
    static final String BACKOFFICE_TOKEN = "reliability-test-token";

    final Gateway gateway;
    final URI baseUrl;
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Node(Gateway gateway, int port) {
        this.gateway = gateway;
        this.baseUrl = URI.create("https://localhost:" + port);
    }

    /** Settings every node of these tests shares: free ports, in-memory H2, limits out of the way. */
    static Map<String, String> defaults() {
        Map<String, String> s = new HashMap<>();
        s.put("db.url", "jdbc:h2:mem:reliability-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        s.put("backoffice.port", "0");
        s.put("backoffice.token", BACKOFFICE_TOKEN);
        s.put("ops.port", "0");
        // The JDK providers, like every test of the main test JVM; AccpEndToEndTest runs with ACCP in a JVM of its own.
        s.put("crypto.provider", "jdk");
        s.put("limits.per-signer.requests-per-second", "1000");
        s.put("limits.per-signer.burst", "1000");
        return s;
    }

    static Node start(Map<String, String> overrides) {
        return start(overrides, UnaryOperator.identity());
    }

    static Node start(Map<String, String> overrides, UnaryOperator<Gateway.Handlers> decorate) {
        int port = FreePort.find();
        Map<String, String> settings = defaults();
        settings.put("server.port", String.valueOf(port));
        settings.put("server.public-url", "https://localhost:" + port);
        settings.putAll(overrides);
        return new Node(Gateway.start(GatewayConfig.defaults(settings), decorate), port);
    }

    /** A LAS client with a key from certs-dev. */
    EindtoetsClient client(String devKey) {
        return client(Path.of("certs-dev", devKey + ".p12"), Path.of("certs-dev", "truststore.p12"));
    }

    EindtoetsClient client(Path keystore, Path truststore) {
        return client(baseUrl, keystore, truststore);
    }

    static EindtoetsClient client(URI baseUrl, Path keystore, Path truststore) {
        try {
            return EindtoetsClient.create(baseUrl, KeystoreCredentials.of(keystore, PASSWORD),
                    new TruststoreFile(truststore, PASSWORD), Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET on the operations port: status and body. */
    HttpResponse<String> ops(String path) throws IOException, InterruptedException {
        return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.opsPort() + path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST on the back office API with {@code token} (null: none). */
    HttpResponse<String> backOfficePost(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.backOfficePort() + path))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return plain.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
