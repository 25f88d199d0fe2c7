package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.simulator.MutualTlsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a LAS in the eindtoets chain: receives {@code POST /leerlingresultaat?edu-to=&edu-from=} over
 * mutual TLS the way a school administration system does, so that a supplier's push can be tested for real.
 *
 * <p>{@link DeliveryRules} decides the answer: 401 when the client certificate's OIN is not an accepted supplier,
 * 405 when {@code edu-from} is not a school it knows, 422 with the JSON Pointer of the first problem when the body
 * is not a valid {@code Leerlingresultaat} of {@value LeerlingresultaatSchema#DOCUMENT}, 202 once the result is
 * kept. {@link #failNext} makes the next deliveries get a chosen status instead. {@code GET /sim/received} lists what
 * arrived, {@code GET /sim/stats} counts the answers, {@code POST /sim/fail-next?status=503&count=2} scripts
 * failures, {@code DELETE /sim/received} forgets what arrived. The log names statuses, OINs and paths, never a
 * pupil.
 */
public final class LasSimulator implements AutoCloseable {

    public static final String PATH = "/leerlingresultaat";
    /** Larger bodies are refused with 413; one pupil's result is a few kilobytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LasSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutualTlsServer listener;
    private final Set<Oin> acceptedSuppliers;
    private final ReceivedResults received;
    private final ScriptedFailures failures = new ScriptedFailures();
    private final DeliveryRules rules;
    private final Clock clock;
    /** Answers per status; its own map so that counting never waits for start or stop. */
    private final Map<Integer, Long> answers = new ConcurrentSkipListMap<>();

    /**
     * @param port              0 picks a free port on the first start, which later restarts keep
     * @param tls               the LAS's key and the trust anchors a supplier's certificate must chain to
     * @param acceptedSuppliers OINs of the suppliers this LAS takes results from
     * @param knownSchools      OINs of the schools this LAS administers; empty means every school
     */
    public LasSimulator(String host, int port, SSLContext tls, Set<Oin> acceptedSuppliers, Set<String> knownSchools,
                        ReceivedResults received, Clock clock) {
        this.listener = new MutualTlsServer("las-sim", host, port, tls);
        this.acceptedSuppliers = Set.copyOf(acceptedSuppliers);
        this.received = Objects.requireNonNull(received, "received");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new DeliveryRules(acceptedSuppliers, knownSchools, new LeerlingresultaatSchema(), failures);
    }

    public LasSimulator start() {
        Map<String, HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put(PATH, guarded(this::leerlingresultaat));
        contexts.put("/sim/received", guarded(this::receivedList));
        contexts.put("/sim/stats", guarded(this::stats));
        contexts.put("/sim/fail-next", guarded(this::scriptFailure));
        contexts.put("/", exchange -> reply(exchange, 404, melding("Niet gevonden.")));
        if (listener.start(contexts)) {
            LOG.info("LAS simulator listening on {}{}, accepting suppliers {}", listener.baseUrl(), PATH,
                    acceptedSuppliers);
        }
        return this;
    }

    public void stop() {
        if (listener.stop()) {
            LOG.info("LAS simulator on port {} stopped", listener.port());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return listener.port();
    }

    /** {@code https://<host>:<port>}: the LAS endpoint base a sender configures. */
    public URI baseUrl() {
        return listener.baseUrl();
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
    public long answered(int status) {
        return answers.getOrDefault(status, 0L);
    }

    private void leerlingresultaat(HttpExchange exchange) throws IOException {
        Delivery delivery = new Delivery(exchange.getRequestMethod(), clientOin(exchange),
                query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Content-Type"),
                readLimited(exchange.getRequestBody()));
        DeliveryRules.Answer answer = rules.judge(delivery);
        if (answer.accepted() != null) {
            // Kept before the 202 goes out: what was acknowledged is never lost.
            received.add(new ReceivedResult(clock.instant(), delivery.clientOin().orElseThrow(),
                    delivery.query().get("edu-to"), delivery.query().get("edu-from"), answer.accepted()));
            LOG.info("accepted a Leerlingresultaat for school {} from supplier {}", delivery.query().get("edu-from"),
                    delivery.clientOin().get().value());
        }
        if (answer.status() == 405 && !"POST".equals(delivery.method())) {
            exchange.getResponseHeaders().set("Allow", "POST");
        }
        answer(exchange, answer.status(), answer.melding());
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
        answers.forEach((status, count) -> byStatus.put(Integer.toString(status), count));
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
        answers.merge(status, 1L, Long::sum);
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
        MutualTlsServer.replyJson(exchange, status, body);
    }

    /** A handler whose unexpected failure is answered 500 and logged without the request's content. */
    private static HttpHandler guarded(Handler handler) {
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
