package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.MessageTooLargeException;
import nl.eindtoets.gateway.edge.LimitedInputStream;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.identity.TransportIdentityResolver;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.RequestTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POST of the REST front door ({@code /registreren}, {@code /registreren-schooladviezen}): the same
 * transport-neutral stages as the SOAP chain where they apply, in the same order, on the one {@link GatewayRequest};
 * then the {@link RestOperation} into the same store. The
 * TLS layer has already verified the client certificate (trust store, dates, CRLs). Every request, answered or
 * refused, gets an audit record and one log line with its correlation id: an answer's record is committed in one
 * transaction with its mandate decision and the operation's work before it is sent (or it is answered 503 and
 * nothing is kept); a refusal's with its mandate decision. Knows no HTTP server; {@link RestFrontDoor}
 * carries the request here and the answer back.
 */
public final class RestPostChain {

    /** The steps, in the order a request meets them (docs/rest.md). */
    public static final List<String> STEPS = List.of("arrival", "admission", "rate-limit", "size-limit", "parse",
            "identity", "mandate", "schema", "profile", "handler");

    private static final Logger LOG = LoggerFactory.getLogger(RestPostChain.class);
    /**
     * Far below Jackson's defaults (depth 1000, strings of 20 MB): the deepest list of the OAS nests six levels and
     * its longest string is a name, so anything beyond these is no list and is refused while parsing, before the
     * schema validator walks it. A member twice is refused: which of the two counts would be a guess.
     */
    static final StreamReadConstraints PARSER_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32).maxStringLength(16 * 1024).maxNumberLength(32).build();
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(PARSER_LIMITS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** What the chain's steps need, shared by every POST of the front door. */
    public record Services(AdmissionControl admission, SignerRateLimiter rateLimiter, RequestLimits limits,
                           MandateCheck mandate, RequestTransactions transactions, Clock clock,
                           int retryAfterSeconds) {
    }

    private final Services services;
    private final RestOperation operation;

    public RestPostChain(Services services, RestOperation operation) {
        this.services = services;
        this.operation = operation;
    }

    /** The operation's name in the request record, the audit trail and the log. */
    public String operation() {
        return operation.name();
    }

    /**
     * Runs the chain for one request and returns its answer; never throws for anything the request did.
     *
     * @param query the query parameters (first value of each)
     * @param body  the request body as it arrives; read here, at most the size limit
     */
    public RestAnswer handle(GatewayRequest request, Map<String, String> query, InputStream body) {
        long started = System.nanoTime();
        RestAnswer answer;
        String digest = null;
        try {
            AdmissionControl.Permit permit = services.admission().admit(request.transport().contentLength());
            try {
                services.rateLimiter().apply(request);
                byte[] bytes = read(request, body);
                digest = sha256(bytes);
                answer = new RestAnswer(202, run(request, query, bytes, digest), request.correlationId(), null);
            } finally {
                services.admission().release(permit);
            }
        } catch (GatewayFault fault) {
            answer = RestOutcome.refused(request, fault.refusal(), fault, operation.name(),
                    services.retryAfterSeconds());
        } catch (RuntimeException e) {
            answer = RestOutcome.refused(request, new Refusal.Internal(e.toString()), e, operation.name(),
                    services.retryAfterSeconds());
        }
        RestOutcome.commitRefusal(services, request, operation.name(), digest);
        LOG.info("REST {} {} -> {} ({} ms)", operation.name(), request.outcome().label(), answer.status(),
                (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    private String run(GatewayRequest request, Map<String, String> query, byte[] bytes, String digest) {
        String eduTo = RestOutcome.eduAddress(query, "edu-to");
        String eduFrom = RestOutcome.eduAddress(query, "edu-from");
        JsonNode json = parse(bytes);
        JsonNode school = json.path("deelnemersgroep");
        if (!school.path("instellingscode").isTextual()) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT,
                    "Verplicht gegeven ontbreekt: /deelnemersgroep/instellingscode.");
        }
        // A repeat is the same body to the same school from the same sender: its digest stands in for the MessageID
        // that SOAP deliveries carry, so the store's repeat detection applies unchanged.
        RequestIdentity identity = TransportIdentityResolver.resolve(request.transport().tlsClient(), eduTo,
                school.path("instellingscode").asText(), school.path("vestigingscode").asText(null),
                "rest:" + sha256((eduTo + "\n" + eduFrom + "\n").getBytes(StandardCharsets.UTF_8), bytes));
        request.identifiedByTransport(identity);
        services.mandate().apply(request);
        operation.schema().check(json);
        return services.transactions().commitAnswer(request, c -> operation.apply(c, identity, digest, json, eduFrom),
                () -> RestOutcome.record(services.clock().instant(), request, operation.name(), digest));
    }

    /** POST only, within the size limit (declared, and while reading), as JSON. */
    private byte[] read(GatewayRequest request, InputStream body) {
        if (!request.transport().isPost()) {
            throw new GatewayFault(new Refusal.Unreadable("Alleen POST is toegestaan.", 405, "method not POST"));
        }
        services.limits().checkDeclaredLength(request.transport());
        String type = request.transport().contentType();
        if (!isJson(type)) {
            throw new GatewayFault(new Refusal.Unreadable("Het bericht moet application/json zijn.", 415,
                    "content type " + type));
        }
        try (InputStream in = new LimitedInputStream(body, services.limits().maxMessageSize())) {
            return in.readAllBytes();
        } catch (MessageTooLargeException e) {
            throw RequestLimits.tooLarge();
        } catch (IOException e) {
            throw new GatewayFault(new Refusal.Unreadable("Het bericht kon niet gelezen worden.", 400, e.toString()));
        }
    }

    /**
     * The media type itself, parameters (charset) aside: a prefix test would take {@code application/jsonp}. Missing
     * is refused too, since the OAS declares the body as application/json only.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return media.toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new GatewayFault(notJson("not a JSON object"));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new GatewayFault(notJson(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new GatewayFault(notJson(e.toString()));
        }
    }

    private static Refusal notJson(String reason) {
        return new Refusal.Unreadable("Het bericht is geen geldig JSON-object.", 400, reason);
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                sha.update(p);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
