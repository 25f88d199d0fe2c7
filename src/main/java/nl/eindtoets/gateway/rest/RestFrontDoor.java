package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.SchooladviezenService;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.Correlation;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.rapport.LeerlingrapportService;
import nl.eindtoets.gateway.store.RequestTransactions;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.TransportFacts;
import nl.eindtoets.gateway.validation.JsonBodySchema;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The REST front door as a Jetty handler on the gateway's own TLS connector, in front of the SOAP endpoints: it
 * takes the requests under its base path and lets every other request through. The transport's part only: the
 * request's facts (method, headers, the TLS client chain) into a {@link GatewayRequest}, the chain's
 * {@link RestAnswer} out as JSON. Anything unexpected is answered 500 with the correlation id, never a stack trace;
 * every answer but the OpenAPI document is audited, refusals of the front door itself (path, method, query) too.
 */
public final class RestFrontDoor extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RestFrontDoor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String CORRELATION_HEADER = "X-Correlatie-Id";
    private static final String RAPPORT = "/leerlingrapport/";
    private static final String OPENAPI = "/openapi.yaml";
    /** The operation of a request to a path the front door does not have, in the audit trail and the log. */
    private static final String UNKNOWN_PATH = "onbekend-pad";

    private final String basePath;
    private final RestPostChain.Services services;
    /** The POST chains by their path below the base path. */
    private final Map<String, RestPostChain> posts;
    private final LeerlingrapportChain leerlingrapport;
    private final byte[] openApi;

    /**
     * The front door as configured, or null when {@code rest.enabled=false}. It shares the SOAP endpoints' admission
     * control, per-sender rate limit, mandate register and request transactions (with the audit records), and asks for the doorstroomtoets mandate.
     */
    public static RestFrontDoor fromConfig(GatewayConfig config, Database database, MandateCheck soapMandates,
                                           AdmissionControl admission, SignerRateLimiter rateLimiter,
                                           RequestTransactions transactions,
                                           Clock clock) {
        RestSettings settings = RestSettings.from(config);
        if (!settings.enabled()) {
            return null;
        }
        RestPostChain.Services services = new RestPostChain.Services(admission, rateLimiter,
                new RequestLimits(config.longValue("limits.max-message-size")),
                soapMandates.forService(settings.serviceNamespace()), transactions, clock,
                settings.retryAfterSeconds());
        return new RestFrontDoor(settings.basePath(), services, List.of(
                new RestPostChain(services, new Registreren(schema("Deelnemerslijst"),
                        new DeelnemersService(database, clock))),
                new RestPostChain(services, new RegistrerenSchooladviezen(schema("Schooladviezenlijst"),
                        new SchooladviezenService(database, clock)))),
                new LeerlingrapportChain(services, new LeerlingrapportService(database)));
    }

    private static JsonBodySchema schema(String component) {
        return JsonBodySchema.component(JsonBodySchema.DOORSTROOMTOETS_OPENAPI, component);
    }

    RestFrontDoor(String basePath, RestPostChain.Services services, List<RestPostChain> posts,
                  LeerlingrapportChain leerlingrapport) {
        this.basePath = basePath;
        this.services = services;
        this.leerlingrapport = leerlingrapport;
        Map<String, RestPostChain> byPath = new HashMap<>();
        posts.forEach(p -> byPath.put("/" + p.operation(), p));
        this.posts = Map.copyOf(byPath);
        this.openApi = resource(JsonBodySchema.DOORSTROOMTOETS_OPENAPI);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
            return false;
        }
        String route = path.substring(basePath.length());
        RestPostChain post = posts.get(route);
        boolean rapport = route.startsWith(RAPPORT);
        boolean document = route.equals(OPENAPI);
        String allow = post != null ? "POST" : rapport || document ? "GET" : null;
        GatewayRequest gatewayRequest = new GatewayRequest(Correlation.newId(),
                post != null ? post.operation() : rapport ? LeerlingrapportChain.OPERATION
                        : document ? "openapi" : UNKNOWN_PATH, facts(request));
        MDC.put(Correlation.MDC_KEY, gatewayRequest.correlationId());
        try {
            if (document && "GET".equals(request.getMethod())) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/yaml; charset=utf-8");
                response.write(true, ByteBuffer.wrap(openApi), callback);
            } else if (post != null) {
                write(request, response, callback, post.handle(gatewayRequest, query(request),
                        Request.asInputStream(request)), allow);
            } else if (rapport) {
                write(request, response, callback, leerlingrapport.handle(gatewayRequest, query(request),
                        route.substring(RAPPORT.length())), allow);
            } else if (document) {
                write(request, response, callback, refuse(gatewayRequest, new Refusal.Unreadable(
                        "Alleen GET is toegestaan.", 405, "method not GET"), null), allow);
            } else {
                write(request, response, callback, refuse(gatewayRequest, new Refusal.Unreadable("Onbekend pad.", 404,
                        "no such path under the base path"), null), null);
            }
        } catch (GatewayFault fault) {
            write(request, response, callback, refuse(gatewayRequest, fault.refusal(), fault), allow);
        } catch (RuntimeException e) {
            LOG.error("REST request not answered normally", e);
            write(request, response, callback, refuse(gatewayRequest, new Refusal.Internal(e.toString()), e), allow);
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
        return true;
    }

    /** A refusal the front door decides itself (no such path, method, query unreadable), audited as the chains do. */
    private RestAnswer refuse(GatewayRequest request, Refusal refusal, Throwable cause) {
        RestAnswer answer = RestOutcome.refused(request, refusal, cause, request.operation(),
                services.retryAfterSeconds());
        RestOutcome.commitRefusal(services, request, request.operation(), null);
        return answer;
    }

    /**
     * @param allow the method the path takes; sent as Allow on a 405 for another method. A 405 for the method the
     *              path takes is the chain's "school unknown to the supplier" and names no method.
     */
    private static void write(Request request, Response response, Callback callback, RestAnswer answer,
                              String allow) {
        response.setStatus(answer.status());
        // Also on answers without a JSON body (200 PDF, 204): the id that finds the request in log and audit.
        response.getHeaders().put(CORRELATION_HEADER, answer.correlatie());
        if (answer.pdf() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/pdf");
            response.write(true, ByteBuffer.wrap(answer.pdf()), callback);
            return;
        }
        if (answer.status() == 204) {
            response.write(true, null, callback);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("melding", answer.melding());
        body.put("correlatie", answer.correlatie());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        if (answer.retryAfterSeconds() != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds()));
        }
        if (answer.status() == 405 && allow != null && !allow.equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, allow);
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static TransportFacts facts(Request request) {
        Object tls = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        X509Certificate[] peer = tls instanceof EndPoint.SslSessionData data ? data.peerCertificates() : null;
        return new TransportFacts(request.getMethod(), request.getHttpURI().getQuery(), null,
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), request.getHeaders().get(HttpHeader.CONTENT_LENGTH),
                peer == null ? List.of() : List.of(peer));
    }

    /** The first value of each query parameter; a query that does not decode (bad %-escape, not UTF-8) is 400. */
    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            String text = "De query van het verzoek is niet leesbaar.";
            throw new GatewayFault(new Refusal.Unreadable(text, 400, "query: " + e.getClass().getSimpleName()));
        }
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RestFrontDoor.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
