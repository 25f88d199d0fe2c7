package nl.eindtoets.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTPS listener the development simulators (osr-sim, las-sim) stand on: every connection must present a client
 * certificate the trust managers accept, answers are JSON, and it can be stopped and started again on the port it
 * bound first, so tests can take a peer away and bring it back.
 */
public final class MutualTlsServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;

    private final String name;
    private final String host;
    private final SSLContext tls;

    private int port;
    private HttpsServer server;
    private ExecutorService executor;

    /**
     * @param name names the worker threads, e.g. {@code osr-sim}
     * @param port 0 picks a free port on the first start, which later restarts keep
     * @param tls  the simulator's key and the trust anchors client certificates must chain to
     */
    public MutualTlsServer(String name, String host, int port, SSLContext tls) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /** Starts listening with {@code contexts} (path prefix to handler); false when it was already listening. */
    public synchronized boolean start(Map<String, HttpHandler> contexts) {
        if (server != null) {
            return false;
        }
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(host, port), 50);
            s.setHttpsConfigurator(new ClientCertificateRequired(tls));
            new LinkedHashMap<>(contexts).forEach(s::createContext);
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.start();
            server = s;
            port = s.getAddress().getPort();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " on " + host + ":" + port, e);
        }
    }

    /** Stops listening; false when it was not listening. */
    public synchronized boolean stop() {
        if (server == null) {
            return false;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
        return true;
    }

    /** The bound port (after the first start). */
    public synchronized int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** {@code https://<host>:<port>}: the base URL a client configures. */
    public URI baseUrl() {
        return URI.create("https://" + host + ":" + port());
    }

    /** Answers {@code body} as JSON with {@code status}. */
    public static void replyJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Every connection must present a client certificate that the trust managers accept. */
    private static final class ClientCertificateRequired extends HttpsConfigurator {
        ClientCertificateRequired(SSLContext context) {
            super(context);
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
        }
    }
}
