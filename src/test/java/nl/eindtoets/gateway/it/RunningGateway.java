package nl.eindtoets.gateway.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.chain.AnswerSigner;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayHttpClient;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.TruststoreFile;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.store.Database;

/**
 * The real gateway (Jetty, mutual TLS, the whole chain) on a free loopback port with the development fixtures,
 * shared by the integration tests of one test run; plus clients that hold the certs-dev keys.
 */
public final class RunningGateway {

    public static final String PASSWORD = "changeit";
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static RunningGateway shared;

    private final Gateway gateway;
    private final CountingHandlers handlers;
    private final URI baseUrl;

    private RunningGateway(Map<String, String> overrides) {
        this(overrides, UnaryOperator.identity());
    }

    private RunningGateway(Map<String, String> overrides, UnaryOperator<AnswerSigner> signer) {
        int port = FreePort.find();
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("server.public-url", "https://localhost:" + port);
        // A database of its own for every gateway: a port can come free and be handed to a later gateway, which must
        // not find the earlier one's deliveries (a newer list for a school makes its own older one refused).
        settings.put("db.url", "jdbc:h2:mem:gateway-" + port + "-" + INSTANCES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        settings.put("backoffice.port", "0");
        settings.put("ops.port", "0");
        // Security providers are global to the JVM: the main test JVM keeps the JDK's, and the tests tagged accp
        // (a JVM of their own, see pom.xml) pass crypto.provider=auto or accp.
        settings.put("crypto.provider", "jdk");
        settings.putAll(overrides);
        this.handlers = new CountingHandlers();
        this.gateway = Gateway.start(GatewayConfig.defaults(settings), new Gateway.Decorations(handlers::wrap, signer));
        this.baseUrl = URI.create("https://localhost:" + port);
    }

    /** The gateway shared by this test run, started on first use. */
    public static synchronized RunningGateway shared() {
        if (shared == null) {
            shared = new RunningGateway(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.gateway::close));
        }
        return shared;
    }

    /**
     * A gateway of its own, with the development defaults and {@code overrides} on top (e.g. another mandate
     * register); the caller closes it.
     */
    public static RunningGateway start(Map<String, String> overrides) {
        return new RunningGateway(overrides);
    }

    /** A gateway of its own whose answer signer is wrapped by {@code signer}; the caller closes it. */
    public static RunningGateway startWithSigner(UnaryOperator<AnswerSigner> signer) {
        return new RunningGateway(Map.of(), signer);
    }

    /**
     * Stops a gateway from {@link #start(Map)}; the shared one is stopped when the test run ends. (Deliberately not
     * AutoCloseable: JUnit closes AutoCloseable arguments of parameterised tests after each invocation.)
     */
    public void close() {
        if (this == shared) {
            throw new IllegalStateException("the shared gateway is closed when the test run ends");
        }
        gateway.close();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public CountingHandlers handlers() {
        return handlers;
    }

    /** Port of this gateway's back office API (enabled on an ephemeral port). */
    public int backOfficePort() {
        return gateway.backOfficePort();
    }

    /** Port of this gateway's operations endpoints (/health, /ready, /metrics). */
    public int opsPort() {
        return gateway.opsPort();
    }

    /** This gateway's store. */
    public Database database() {
        return gateway.database();
    }

    public static KeystoreCredentials key(String name) {
        return KeystoreCredentials.of(Path.of("certs-dev", name + ".p12"), PASSWORD);
    }

    public static TruststoreFile truststore() {
        return new TruststoreFile(Path.of("certs-dev", "truststore.p12"), PASSWORD);
    }

    /** A LAS that signs and connects with the same development key, as a LAS vendor does. */
    public EindtoetsClient client(String keyName) {
        try {
            return EindtoetsClient.create(baseUrl, key(keyName), truststore());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that signs with {@code signerKey} but connects over TLS with {@code tlsKey} (null: no certificate). */
    public EindtoetsClient client(String signerKey, String tlsKey) {
        try {
            var trusted = truststore().load();
            return new EindtoetsClient(baseUrl, EindtoetsClient.GATEWAY_OIN, new RequestSigner(key(signerKey).load()),
                    new GatewayHttpClient(tlsKey == null ? null : key(tlsKey).load(), trusted,
                            GatewayHttpClient.DEFAULT_TIMEOUT),
                    new ResponseVerifier(trusted, EindtoetsClient.GATEWAY_OIN));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
