package nl.eindtoets.gateway.backoffice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.eindtoets.gateway.deelnemers.CurrentList;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import nl.eindtoets.gateway.leerresultaten.ImportReport;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.push.LasBaseUrl;
import nl.eindtoets.gateway.push.LasEndpoint;
import nl.eindtoets.gateway.push.OutboxStatus;
import nl.eindtoets.gateway.store.AuditLog;
import nl.eindtoets.gateway.store.AuditQuery;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.JdbcAuditLog;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supplier's back office REST API (docs/backoffice-openapi.yaml): JSON over HTTP, every {@code /api} call with
 * the configured bearer token. Meant for loopback or an internal network; it carries pupil data, so it never
 * listens elsewhere with the development token.
 */
public final class BackOfficeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeServer.class);
    static final String OPENAPI_RESOURCE = "/backoffice/backoffice-openapi.yaml";

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] token;
    private final SchoolRegistry schools;
    private final DeliveryStore deliveries;
    private final PupilReports reports;
    private final ResultImport results;
    private final AuditLog audit;
    private final ConfiguredLasEndpoints lasEndpoints;
    private final OutboxStatus outbox;
    private final Clock clock;
    private final Reload reload;

    /** Reloads the gateway key, trust store and CRLs; answers per part whether it succeeded. */
    @FunctionalInterface
    public interface Reload {
        Map<String, Boolean> reload();
    }

    private BackOfficeServer(BackOfficeSettings settings, Database database, Clock clock, Reload reload)
            throws IOException {
        this.reload = reload;
        this.token = settings.token().getBytes(StandardCharsets.UTF_8);
        this.schools = new SchoolRegistry(database);
        this.deliveries = new DeliveryStore(database);
        this.reports = new PupilReports(database);
        this.results = new ResultImport(database, clock);
        this.audit = new JdbcAuditLog(database);
        this.lasEndpoints = new ConfiguredLasEndpoints(database, clock);
        this.outbox = new OutboxStatus(database, clock);
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 50);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "backoffice");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/openapi.yaml", this::openapi);
        server.createContext("/api/", this::api);
    }

    /** Validates {@code settings} and starts listening; port 0 picks a free port (see {@link #port()}). */
    public static BackOfficeServer start(BackOfficeSettings settings, Database database, Clock clock) {
        return start(settings, database, clock, null);
    }

    /** As {@link #start(BackOfficeSettings, Database, Clock)}, with {@code POST /api/admin/reload} served by {@code reload}. */
    public static BackOfficeServer start(BackOfficeSettings settings, Database database, Clock clock, Reload reload) {
        settings.validate();
        try {
            BackOfficeServer s = new BackOfficeServer(settings, database, clock, reload);
            s.server.start();
            LOG.info("back office API listening on http://{}:{}/api/", settings.host(), s.port());
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the back office on " + settings.host() + ":"
                    + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void openapi(HttpExchange ex) throws IOException {
        try (ex; InputStream in = BackOfficeServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                send(ex, 404, Map.of("error", "OpenAPI document missing from the build"));
                return;
            }
            byte[] body = in.readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/yaml");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private void api(HttpExchange ex) throws IOException {
        try {
            if (!authorised(ex)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"eindtoets-backoffice\"");
                send(ex, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            route(ex);
        } catch (BadRequest e) {
            send(ex, 400, Map.of("error", e.getMessage()));
        } catch (StoreUnavailableException e) {
            LOG.warn("back office: database unavailable: {}", e.getMessage());
            send(ex, 503, Map.of("error", "database unavailable, try again later"));
        } catch (RuntimeException e) {
            LOG.error("back office: {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, Map.of("error", "internal error"));
        } finally {
            ex.close(); // after the catch blocks: they still answer on this exchange
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        List<String> path = List.of(ex.getRequestURI().getPath().replaceAll("^/api/|/$", "").split("/"));
        Map<String, String> query = query(ex);
        if (path.equals(List.of("schools")) && method.equals("GET")) {
            send(ex, 200, schools.list(query.get("schooljaar")).stream().map(BackOfficeServer::json).toList());
        } else if (path.equals(List.of("schools")) && method.equals("POST")) {
            send(ex, 200, json(schools.register(registration(ex))));
        } else if (path.size() == 4 && path.get(0).equals("schools") && path.get(3).equals("participants")
                && method.equals("GET")) {
            participants(ex, path.get(1), path.get(2), query.getOrDefault("dependancecode", "00"));
        } else if (path.equals(List.of("participants", "export")) && method.equals("GET")) {
            export(ex, query);
        } else if (path.equals(List.of("results")) && method.equals("POST")) {
            importResults(ex, query);
        } else if (path.get(0).equals("push")) {
            push(ex, method, path, query);
        } else if (path.equals(List.of("audit")) && method.equals("GET")) {
            send(ex, 200, audit.search(auditQuery(query)));
        } else if (path.equals(List.of("admin", "reload")) && method.equals("POST") && reload != null) {
            reload(ex);
        } else if (path.get(0).equals("las-endpoints")) {
            lasEndpoints(ex, method, path);
        } else {
            noSuchResource(ex);
        }
    }

    private static void noSuchResource(HttpExchange ex) throws IOException {
        send(ex, 404, Map.of("error", "no such resource: " + ex.getRequestMethod() + " "
                + ex.getRequestURI().getPath()));
    }

    // --- LAS endpoints: where pushed results go, per routeringskenmerk (docs/backoffice.md) ---

    /** {@code GET /api/las-endpoints}, {@code PUT} and {@code DELETE /api/las-endpoints/{routingId}}. */
    private void lasEndpoints(HttpExchange ex, String method, List<String> path) throws IOException {
        if (path.size() == 1 && method.equals("GET")) {
            send(ex, 200, lasEndpoints.all().stream().map(BackOfficeServer::json).toList());
            return;
        }
        if (path.size() != 2 || !(method.equals("PUT") || method.equals("DELETE"))) {
            noSuchResource(ex);
            return;
        }
        String routingId = path.get(1);
        if (!ConfiguredLasEndpoints.isRoutingId(routingId)) {
            throw new BadRequest("a routeringskenmerk is 20 digits or letters");
        }
        if (method.equals("PUT")) {
            LasEndpoint endpoint;
            try {
                endpoint = lasEndpoints.put(routingId, LasBaseUrl.parse(text(jsonObject(ex), "url")));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(e.getMessage());
            }
            LOG.info("back office: LAS endpoint of routeringskenmerk {} set to {}", routingId, endpoint.baseUrl());
            send(ex, 200, json(endpoint));
        } else if (lasEndpoints.remove(routingId)) {
            LOG.info("back office: LAS endpoint of routeringskenmerk {} removed", routingId);
            ex.sendResponseHeaders(204, -1);
        } else {
            send(ex, 404, Map.of("error", "no LAS endpoint configured for " + routingId));
        }
    }

    private static Map<String, Object> json(LasEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routingId", e.routingId());
        m.put("url", e.baseUrl().toString());
        return m;
    }

    // --- end of LAS endpoints ---

    /**
     * The result outbox: {@code GET push} (per school), {@code GET push/schools/{brin}/{jaar}} (its messages),
     * {@code POST push/schools/{brin}/{jaar}/retry} and {@code POST push/messages/{id}/retry} (due now).
     */
    private void push(HttpExchange ex, String method, List<String> path, Map<String, String> query)
            throws IOException {
        String dependancecode = query.getOrDefault("dependancecode", "00");
        if (path.size() == 1 && method.equals("GET")) {
            send(ex, 200, outbox.schools(query.get("schooljaar")).stream().map(this::json).toList());
        } else if (path.size() == 4 && path.get(1).equals("schools") && method.equals("GET")) {
            send(ex, 200, outbox.messages(path.get(2), dependancecode, path.get(3), limit(query)));
        } else if (path.size() == 5 && path.get(1).equals("schools") && path.get(4).equals("retry")
                && method.equals("POST")) {
            int n = outbox.retrySchool(path.get(2), dependancecode, path.get(3));
            LOG.info("back office: retry now of the results of {}/{}/{}: {} messages", path.get(2), dependancecode,
                    path.get(3), n);
            send(ex, 200, Map.of("retried", n));
        } else if (path.size() == 4 && path.get(1).equals("messages") && path.get(3).equals("retry")
                && method.equals("POST")) {
            long id;
            try {
                id = Long.parseLong(path.get(2));
            } catch (NumberFormatException e) {
                throw new BadRequest("a message id is a number");
            }
            int n = outbox.retryMessage(id);
            LOG.info("back office: retry now of result message {}: {}", id, n == 1 ? "due now" : "nothing to retry");
            send(ex, n == 1 ? 200 : 404, n == 1 ? Map.of("retried", 1)
                    : Map.of("error", "no pending or failed message " + id));
        } else {
            send(ex, 404, Map.of("error", "no such resource: " + method + " " + ex.getRequestURI().getPath()));
        }
    }

    private static int limit(Map<String, String> query) {
        try {
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            if (limit < 1 || limit > 1000) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new BadRequest("limit must be between 1 and 1000");
        }
    }

    private Map<String, Object> json(OutboxStatus.School s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brincode", s.brin());
        m.put("dependancecode", s.dependancecode());
        m.put("schooljaar", s.schooljaar());
        m.put("pending", s.pending());
        m.put("delivered", s.delivered());
        m.put("failed", s.failed());
        m.put("oldestPendingSince", s.oldestPendingSince());
        m.put("oldestPendingAgeSeconds", s.oldestPendingSince() == null ? null
                : Math.max(0, Duration.between(s.oldestPendingSince(), clock.instant()).toSeconds()));
        m.put("lastStatus", s.lastStatus());
        m.put("lastError", s.lastError());
        return m;
    }

    private void reload(HttpExchange ex) throws IOException {
        Map<String, Boolean> parts = reload.reload();
        boolean all = parts.values().stream().allMatch(Boolean::booleanValue);
        LOG.info("back office: reload of key and trust requested: {}", parts);
        Map<String, Object> out = new LinkedHashMap<>(parts);
        out.put("reloaded", all);
        send(ex, all ? 200 : 500, out);
    }

    private SchoolRegistration registration(HttpExchange ex) throws IOException {
        Map<?, ?> body = jsonObject(ex);
        try {
            return new SchoolRegistration(text(body, "brincode"), text(body, "schooljaar"),
                    LocalDate.parse(text(body, "windowOpens")), LocalDate.parse(text(body, "windowCloses")),
                    clock.instant(), optionalText(body, "naam"));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new BadRequest("brincode, schooljaar, windowOpens and windowCloses (dates) are required, naam is"
                    + " optional: " + e.getMessage());
        }
    }

    /** A member that may be absent or null, but is a string when present. */
    private static String optionalText(Map<?, ?> body, String name) {
        Object v = body.get(name);
        if (v != null && !(v instanceof String)) {
            throw new BadRequest(name + " must be a string");
        }
        return (String) v;
    }

    private static Map<?, ?> jsonObject(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            Map<?, ?> body = Json.MAPPER.readValue(in, Map.class);
            if (body == null) {
                throw new BadRequest("body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new BadRequest("body must be a JSON object");
        }
    }

    private static String text(Map<?, ?> body, String name) {
        Object v = body.get(name);
        if (v == null) {
            throw new BadRequest(name + " is required");
        }
        return v.toString();
    }

    private void participants(HttpExchange ex, String brin, String schooljaar, String dependancecode)
            throws IOException {
        Optional<CurrentList> list = deliveries.currentList(brin, dependancecode, schooljaar);
        if (list.isEmpty()) {
            send(ex, 404, Map.of("error", "no participant list delivered for " + brin + "/" + dependancecode + "/"
                    + schooljaar));
            return;
        }
        var d = list.get().delivery();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ontvangstid", d.id());
        out.put("brincode", d.brin());
        out.put("dependancecode", d.dependancecode());
        out.put("schooljaar", d.schooljaar());
        out.put("ontvangenOp", d.receivedAt());
        out.put("aanmaakdatum", d.schoolAanmaakdatum());
        out.put("signerOin", d.signerOin());
        out.put("messageId", d.messageId());
        out.put("aantalDeelnemers", d.participantCount());
        out.put("kanaal", d.levering().kanaal());
        out.put("levering", d.levering().soort().label());
        out.put("eduFrom", d.levering().eduFrom());
        out.put("groepen", list.get().groepen());
        out.put("leerlingen", list.get().leerlingen());
        // The ids under which the school's LAS fetches each pupil's report (GET /leerlingrapport/{rapportid}).
        Map<String, String> ids = reports.ids(brin, dependancecode, schooljaar);
        List<Map<String, String>> rapporten = new ArrayList<>();
        for (Leerling l : list.get().leerlingen()) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("key", l.key());
            r.put("eckid", l.eckid());
            r.put("rapportid", ids.get(l.ref()));
            rapporten.add(r);
        }
        out.put("rapporten", rapporten);
        send(ex, 200, out);
    }

    private void export(HttpExchange ex, Map<String, String> query) throws IOException {
        ParticipantExport.Format format;
        try {
            format = ParticipantExport.Format.parse(query.get("format"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("format must be json or csv");
        }
        ex.getResponseHeaders().set("Content-Type", format.contentType());
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"deelnemers."
                + format.name().toLowerCase() + "\"");
        ex.sendResponseHeaders(200, 0); // chunked: the length is not known before the last row
        OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 1 << 16);
        new ParticipantExport(deliveries).write(query.get("schooljaar"), format, out);
        out.flush();
    }

    private void importResults(HttpExchange ex, Map<String, String> query) throws IOException {
        ResultFiles.Format format;
        try {
            format = query.containsKey("format") ? ResultFiles.Format.parse(query.get("format"))
                    : ResultFiles.Format.ofContentType(ex.getRequestHeaders().getFirst("Content-Type"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("format must be json or csv");
        }
        ImportReport report;
        try (InputStream in = ex.getRequestBody()) {
            report = results.run(ResultFiles.read(in, format), "api");
        }
        send(ex, report.stored() ? 200 : 422, report);
    }

    private static AuditQuery auditQuery(Map<String, String> q) {
        try {
            return new AuditQuery(instant(q.get("from")), instant(q.get("to")), q.get("schoolOin"),
                    q.get("signerOin"), q.get("messageId"), q.get("correlationId"), q.get("operation"),
                    q.get("decision"), q.get("faultCode"), Integer.parseInt(q.getOrDefault("limit", "100")),
                    Integer.parseInt(q.getOrDefault("offset", "0")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequest("bad audit query: " + e.getMessage());
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static Map<String, Object> json(SchoolRegistration r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brincode", r.brin());
        m.put("schooljaar", r.schooljaar());
        m.put("windowOpens", r.windowOpens());
        m.put("windowCloses", r.windowCloses());
        m.put("registeredAt", r.registeredAt());
        m.put("naam", r.naam());
        return m;
    }

    private boolean authorised(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        if (ex.getResponseCode() != -1) {
            // A streamed answer failed half-way: the status is already out; the log has the cause.
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
