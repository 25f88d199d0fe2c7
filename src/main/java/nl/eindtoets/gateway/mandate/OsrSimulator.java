package nl.eindtoets.gateway.mandate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.simulator.MutualTlsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the OSR: serves the mandate query of the OSR API ({@code GET /api/v2/mandates}) and the
 * endpoint lookup by routeringskenmerk ({@code GET /api/v2/endpoints?routing_id=}) from a mandates file over HTTPS,
 * requiring a client certificate that chains to the configured trust store, so the real OSR clients can be
 * exercised without the national register. {@code GET /sim/stats} reports how many queries of each kind it
 * received, so tests and integrators can see what a cache saved.
 *
 * <p>It can be stopped and started again; a restart binds the same port as before.
 */
public final class OsrSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsrSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = MandateCheck.ZONE;

    private final MutualTlsServer listener;
    private final List<Mandate> mandates;
    private final List<OsrEndpoint> endpoints;
    private final Clock clock;
    private final AtomicLong mandateRequests = new AtomicLong();
    private final AtomicLong endpointRequests = new AtomicLong();

    private volatile int failureStatus;
    private volatile Duration answerDelay = Duration.ZERO;

    /**
     * @param host address to bind, e.g. {@code localhost}
     * @param port port to bind; 0 picks a free one on the first start, which later restarts keep
     * @param tls  the simulator's key and the trust anchors client certificates must chain to
     */
    public OsrSimulator(String host, int port, SSLContext tls, List<Mandate> mandates, List<OsrEndpoint> endpoints,
                        Clock clock) {
        this.listener = new MutualTlsServer("osr-sim", host, port, tls);
        this.mandates = List.copyOf(mandates);
        this.endpoints = List.copyOf(endpoints);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OsrSimulator(String host, int port, SSLContext tls, MandateFile.Contents contents) {
        this(host, port, tls, contents.mandates(), contents.endpoints(), Clock.system(ZONE));
    }

    public OsrSimulator(String host, int port, SSLContext tls, List<Mandate> mandates, Clock clock) {
        this(host, port, tls, mandates, List.of(), clock);
    }

    public OsrSimulator(String host, int port, SSLContext tls, List<Mandate> mandates) {
        this(host, port, tls, mandates, Clock.system(ZONE));
    }

    public OsrSimulator start() {
        Map<String, HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put(OsrMandateClient.MANDATES_PATH, this::mandates);
        contexts.put(OsrEndpoint.LOOKUP_PATH, this::endpoints);
        contexts.put("/sim/stats", this::stats);
        contexts.put("/", exchange -> reply(exchange, 404, message("not found")));
        if (listener.start(contexts)) {
            LOG.info("OSR simulator listening on {} with {} mandates and {} endpoints", listener.baseUrl(),
                    mandates.size(), endpoints.size());
        }
        return this;
    }

    public void stop() {
        if (listener.stop()) {
            LOG.info("OSR simulator on port {} stopped", listener.port());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (after the first start). */
    public int port() {
        return listener.port();
    }

    /** {@code https://localhost:<port>}: the base URL a client configures. */
    public URI baseUrl() {
        return listener.baseUrl();
    }

    /**
     * Makes every mandate and endpoint query fail with {@code status} (e.g. 503), to rehearse an OSR outage without
     * stopping the listener; 0 restores normal answers.
     */
    public void failWith(int status) {
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        failureStatus = status;
    }

    /** Holds every mandate and endpoint answer back for {@code delay}, to rehearse a slow OSR (read timeouts). */
    public void delayAnswers(Duration delay) {
        answerDelay = Objects.requireNonNull(delay, "delay");
    }

    /** How many mandate queries arrived since this simulator was created (restarts included). */
    public long requestCount() {
        return mandateRequests.get();
    }

    /** How many endpoint queries arrived since this simulator was created (restarts included). */
    public long endpointRequestCount() {
        return endpointRequests.get();
    }

    private void mandates(HttpExchange exchange) throws IOException {
        mandateRequests.incrementAndGet();
        if (!answering(exchange)) {
            return;
        }
        MandateQuery query;
        try {
            query = query(params(exchange.getRequestURI().getRawQuery()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            reply(exchange, 400, message("Validation error(s): " + e.getMessage()));
            return;
        }
        Mandate found = MandateMatcher.find(mandates, query);
        LOG.debug("mandate query {} -> {}", query, found == null ? "404" : "200");
        if (found == null) {
            reply(exchange, 404, message("mandate not found"));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("supplier_oin", found.supplierOin().value());
        body.put("school_oin", found.schoolOin().value());
        body.put("service_version_namespace", found.serviceNamespace());
        body.put("start_date", found.startDate().toString());
        body.put("end_date", found.endDate() == null ? null : found.endDate().toString());
        reply(exchange, 200, body);
    }

    /**
     * The endpoint lookup by routeringskenmerk: 200 with the one endpoint that holds on the reference date (today
     * when not given), 404 when there is none. Listing a school's endpoints ({@code school_oin}) is not simulated.
     */
    private void endpoints(HttpExchange exchange) throws IOException {
        endpointRequests.incrementAndGet();
        if (!answering(exchange)) {
            return;
        }
        String routingId;
        String namespace;
        LocalDate day;
        try {
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            routingId = required(params, "routing_id");
            namespace = required(params, "service_version_namespace");
            day = referenceDate(params);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            reply(exchange, 400, message("Validation error(s): " + e.getMessage()));
            return;
        }
        OsrEndpoint found = endpoints.stream().filter(e -> e.answers(routingId, namespace, day)).findFirst()
                .orElse(null);
        LOG.debug("endpoint query routing_id={} -> {}", routingId, found == null ? "404" : "200");
        if (found == null) {
            reply(exchange, 404, message("endpoint not found"));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("routing_id", found.routingId());
        body.put("school_oin", found.schoolOin().value());
        body.put("service_version_namespace", found.serviceNamespace());
        body.put("url", found.url().toString());
        body.put("start_date", found.startDate().toString());
        body.put("end_date", found.endDate() == null ? null : found.endDate().toString());
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", OsrEndpoint.LOOKUP_PATH + "?" + exchange.getRequestURI().getRawQuery());
        links.putObject("school").put("href", "/api/v2/schools/" + found.schoolOin().value());
        reply(exchange, 200, body);
    }

    /** Counts, delays and scripted failures common to both queries; false when the exchange was answered already. */
    private boolean answering(HttpExchange exchange) throws IOException {
        pause();
        if (failureStatus != 0) {
            reply(exchange, failureStatus, message("simulated failure"));
            return false;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            reply(exchange, 405, message("method not allowed"));
            return false;
        }
        return true;
    }

    private void pause() {
        Duration delay = answerDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("mandate_requests", requestCount());
        body.put("mandates", mandates.size());
        body.put("endpoint_requests", endpointRequestCount());
        body.put("endpoints", endpoints.size());
        reply(exchange, 200, body);
    }

    /** The mandate query as the OSR takes it: the first three parameters required, reference_date optional (today). */
    private MandateQuery query(Map<String, String> params) {
        return new MandateQuery(
                oin(params, "supplier_oin"),
                oin(params, "school_oin"),
                required(params, "service_version_namespace"),
                referenceDate(params));
    }

    private LocalDate referenceDate(Map<String, String> params) {
        String referenceDate = params.get("reference_date");
        return referenceDate == null || referenceDate.isEmpty()
                ? LocalDate.now(clock.withZone(ZONE)) : LocalDate.parse(referenceDate);
    }

    /** The decoded query parameters; a parameter given twice is refused. */
    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(name, value) != null) {
                    throw new IllegalArgumentException(name + " given more than once");
                }
            }
        }
        return params;
    }

    private static Oin oin(Map<String, String> params, String name) {
        Oin oin = Oin.parseOrNull(required(params, name));
        if (oin == null) {
            throw new IllegalArgumentException(name + " is not a 20-character OIN");
        }
        return oin;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        MutualTlsServer.replyJson(exchange, status, body);
    }
}
