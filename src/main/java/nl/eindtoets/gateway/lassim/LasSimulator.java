package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a LAS in the eindtoets chain: receives {@code POST /leerlingresultaat?edu-to=&edu-from=} over
 * mutual TLS the way a school administration system does, so that a supplier's push can be tested for real.
 *
 * <p>It answers 401 when the client certificate's OIN is not an accepted supplier, 405 when {@code edu-from} is not
 * a school it knows (when it was given a list), 422 with the JSON Pointer of the first problem when the body is not
 * a valid {@code Leerlingresultaat} of {@value LeerlingresultaatSchema#DOCUMENT}, and 202 once the result is stored.
 * {@link #failNext} makes the next deliveries get a chosen status instead. {@code GET /sim/received} lists what
 * arrived, {@code GET /sim/stats} counts the answers, {@code POST /sim/fail-next?status=503&count=2} scripts
 * failures, {@code DELETE /sim/received} forgets what arrived. The log names statuses, OINs and paths, never a
 * pupil.
 */
public final class LasSimulator implements AutoCloseable {

    public static final String PATH = "/leerlingresultaat";
    /** Larger bodies are refused with 413; one pupil's result is a few kilobytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LasSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** edu-to and edu-from: 20 characters, digits and letters (an OIN or a routeringskenmerk). */
    private static final Pattern EDU_ID = Pattern.compile("[0-9A-Za-z]{20}");
    private static final int THREADS = 8;

    private final String host;
    private final SSLContext tls;
    private final Set<Oin> acceptedSuppliers;
    private final Set<String> knownSchools;
    private final ReceivedResults received;
    private final LeerlingresultaatSchema schema;
    private final ScriptedFailures failures = new ScriptedFailures();
    private final Clock clock;
    private final Map<Integer, Long> answers = new TreeMap<>();

    private int port;
    private HttpsServer server;
    private ExecutorService executor;

    /**
     * @param port              0 picks a free port on the first start, which later restarts keep
     * @param tls               the LAS's key and the trust anchors a supplier's certificate must chain to
     * @param acceptedSuppliers OINs of the suppliers this LAS takes results from
     * @param knownSchools      OINs of the schools this LAS administers; empty means every school
     */
    public LasSimulator(String host, int port, SSLContext tls, Set<Oin> acceptedSuppliers, Set<String> knownSchools,
                        ReceivedResults received, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.tls = Objects.requireNonNull(tls, "tls");
        this.acceptedSuppliers = Set.copyOf(acceptedSuppliers);
        this.knownSchools = Set.copyOf(knownSchools);
        this.received = Objects.requireNonNull(received, "received");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schema = new LeerlingresultaatSchema();
    }

    public synchronized LasSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(host, port), 50);
            s.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = getSSLContext().getDefaultSSLParameters();
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            s.createContext(PATH, guarded(this::leerlingresultaat));
            s.createContext("/sim/received", guarded(this::receivedList));
            s.createContext("/sim/stats", guarded(this::stats));
            s.createContext("/sim/fail-next", guarded(this::scriptFailure));
            s.createContext("/", exchange -> reply(exchange, 404, melding("Niet gevonden.")));
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "las-sim-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.start();
            server = s;
            port = s.getAddress().getPort();
            LOG.info("LAS simulator listening on https://{}:{}{}, accepting suppliers {}", host, port, PATH,
                    acceptedSuppliers);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the LAS simulator on " + host + ":" + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
        LOG.info("LAS simulator on port {} stopped", port);
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        return port;
    }

    /** {@code https://<host>:<port>}: the LAS endpoint base a sender configures. */
    public URI baseUrl() {
        return URI.create("https://" + host + ":" + port());
    }

    /** Makes the next {@code count} deliveries get {@code status} (400-599) instead of being processed. */
    public void failNext(int status, int count) {
        failures.failNext(status, count);
    }

    /** How many scripted failure answers are still to come. */
    public int failuresPending() {
        return failures.pending();
    }

    public ReceivedResults received() {
        return received;
    }

    /** How many deliveries were answered with {@code status} since start. */
    public synchronized long answered(int status) {
        return answers.getOrDefault(status, 0L);
    }

    private void leerlingresultaat(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            answer(exchange, 405, "Alleen POST.");
            return;
        }
        OptionalInt scripted = failures.take();
        if (scripted.isPresent()) {
            answer(exchange, scripted.getAsInt(), "Gesimuleerde fout.");
            return;
        }
        Optional<Oin> supplier = clientOin(exchange);
        if (supplier.isEmpty() || !acceptedSuppliers.contains(supplier.get())) {
            LOG.info("refused a delivery from client OIN {}: not an accepted supplier",
                    supplier.map(Oin::value).orElse("(none)"));
            answer(exchange, 401, "De afzender is niet geautoriseerd.");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        for (String name : new String[] {"edu-to", "edu-from"}) {
            String value = query.get(name);
            if (value == null || !EDU_ID.matcher(value).matches()) {
                answer(exchange, 422, "Ongeldige inhoud in ?" + name + ": 20 cijfers en letters verwacht.");
                return;
            }
        }
        String eduTo = query.get("edu-to");
        String eduFrom = query.get("edu-from");
        if (!knownSchools.isEmpty() && !knownSchools.contains(eduFrom)) {
            answer(exchange, 405, "School onbekend bij de ontvanger.");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            answer(exchange, 415, "Content-Type application/json verwacht.");
            return;
        }
        byte[] bytes = readLimited(exchange.getRequestBody());
        if (bytes == null) {
            answer(exchange, 413, "Bericht groter dan " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            answer(exchange, 422, "Ongeldige inhoud in /: geen JSON.");
            return;
        }
        if (body == null || body.isMissingNode()) {
            answer(exchange, 422, "Ongeldige inhoud in /: leeg bericht.");
            return;
        }
        Optional<LeerlingresultaatSchema.Violation> violation = schema.firstViolation(body);
        if (violation.isPresent()) {
            LeerlingresultaatSchema.Violation v = violation.get();
            LOG.info("refused a delivery for school {}: {} at {}", eduFrom, v.keyword(), v.path());
            answer(exchange, 422, "Ongeldige inhoud in " + v.path() + ": " + v.message());
            return;
        }
        received.add(new ReceivedResult(clock.instant(), supplier.get(), eduTo, eduFrom, body));
        LOG.info("accepted a Leerlingresultaat for school {} from supplier {}", eduFrom, supplier.get().value());
        answer(exchange, 202, "Leerlingresultaat ontvangen.");
    }

    private void receivedList(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                ArrayNode list = JSON.createArrayNode();
                received.all().forEach(r -> list.add(ReceivedResults.toJson(r)));
                reply(exchange, 200, list);
            }
            case "DELETE" -> {
                received.clear();
                reply(exchange, 200, melding("Vergeten."));
            }
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                reply(exchange, 405, melding("Alleen GET of DELETE."));
            }
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("ontvangen", received.total());
        body.put("geplande_fouten", failures.pending());
        ObjectNode byStatus = body.putObject("antwoorden");
        synchronized (this) {
            answers.forEach((status, count) -> byStatus.put(Integer.toString(status), count));
        }
        reply(exchange, 200, body);
    }

    private void scriptFailure(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            reply(exchange, 405, melding("Alleen POST."));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            int[] spec = ScriptedFailures.parse(query.getOrDefault("status", "") + ":" + query.getOrDefault("count", "1"));
            failures.failNext(spec[0], spec[1]);
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, melding(e.getMessage()));
            return;
        }
        reply(exchange, 200, melding("De volgende " + failures.pending() + " leveringen krijgen een fout."));
    }

    private void answer(HttpExchange exchange, int status, String text) throws IOException {
        synchronized (this) {
            answers.merge(status, 1L, Long::sum);
        }
        reply(exchange, status, melding(text));
    }

    private static Optional<Oin> clientOin(HttpExchange exchange) {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? CertificateOin.of(x509) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The body, or null when it is longer than {@link #MAX_BODY_BYTES}. */
    private static byte[] readLimited(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    /** Query parameters; a repeated one keeps its first value. */
    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            }
        }
        return params;
    }

    private static ObjectNode melding(String text) {
        return JSON.createObjectNode().put("melding", text);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A handler whose unexpected failure is answered 500 and logged without the request's content. */
    private static com.sun.net.httpserver.HttpHandler guarded(Handler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.error("LAS simulator failed on {} {}: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e.toString());
                try {
                    reply(exchange, 500, melding("Interne fout van de simulator."));
                } catch (IOException | RuntimeException ignored) {
                    // the answer may have been started already; the connection is closed below
                }
            } finally {
                exchange.close();
            }
        };
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
