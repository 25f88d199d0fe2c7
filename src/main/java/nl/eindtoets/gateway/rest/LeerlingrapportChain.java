package nl.eindtoets.gateway.rest;

import java.util.Map;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.identity.TransportIdentityResolver;
import nl.eindtoets.gateway.rapport.LeerlingrapportService;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /leerlingrapport/{rapportid}}: the caller must be mandated by the school {@code edu-to} names before
 * the id is looked at, so a caller without that mandate gets 401 for every id, existing or not. The id is then
 * looked up for that school only: an id of another school's pupil is as unknown (404) as an id that does not exist.
 * 204 while the pupil has no whole-test result, 200 with the PDF once it has.
 */
final class LeerlingrapportChain {

    static final String OPERATION = "leerlingrapport";

    /** What {@link nl.eindtoets.gateway.deelnemers.PupilReports} issues: 32 bytes, base64url. */
    private static final Pattern RAPPORTID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger LOG = LoggerFactory.getLogger(LeerlingrapportChain.class);

    private final RestPostChain.Services services;
    private final LeerlingrapportService rapporten;

    LeerlingrapportChain(RestPostChain.Services services, LeerlingrapportService rapporten) {
        this.services = services;
        this.rapporten = rapporten;
    }

    RestAnswer handle(GatewayRequest request, Map<String, String> query, String rapportid) {
        long started = System.nanoTime();
        RestAnswer answer;
        try {
            AdmissionControl.Permit permit = services.admission().admit(null);
            try {
                services.rateLimiter().apply(request);
                answer = run(request, query, rapportid);
                // A read writes nothing of its own: its mandate decision and audit record are committed before
                // the answer goes out, or it is answered 503.
                services.transactions().commitAnswer(request, c -> null,
                        () -> RestOutcome.record(services.clock().instant(), request, OPERATION, null));
            } finally {
                services.admission().release(permit);
            }
        } catch (GatewayFault fault) {
            answer = RestOutcome.refused(request, fault.refusal(), fault, OPERATION, services.retryAfterSeconds());
        } catch (RuntimeException e) {
            answer = RestOutcome.refused(request, new Refusal.Internal(e.toString()), e, OPERATION,
                    services.retryAfterSeconds());
        }
        RestOutcome.commitRefusal(services, request, OPERATION, null);
        LOG.info("REST {} {} -> {} ({} ms)", OPERATION, request.outcome().label(), answer.status(),
                (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    private RestAnswer run(GatewayRequest request, Map<String, String> query, String rapportid) {
        if (!"GET".equals(request.transport().httpMethod())) {
            throw new GatewayFault(new Refusal.Unreadable("Alleen GET is toegestaan.", 405, "method not GET"));
        }
        String eduTo = RestOutcome.eduAddress(query, "edu-to");
        RestOutcome.eduAddress(query, "edu-from");
        RequestIdentity identity = TransportIdentityResolver.resolve(request.transport().tlsClient(), eduTo,
                "rest:" + request.correlationId());
        request.identifiedByTransport(identity);
        services.mandate().apply(request);
        LeerlingrapportService.Rapport rapport = RAPPORTID.matcher(rapportid).matches()
                ? rapporten.fetch(identity.brin(), rapportid) : new LeerlingrapportService.Rapport.Onbekend();
        if (rapport instanceof LeerlingrapportService.Rapport.Pdf pdf) {
            return new RestAnswer(200, null, request.correlationId(), null, pdf.bytes());
        }
        if (rapport instanceof LeerlingrapportService.Rapport.NogNiet) {
            return new RestAnswer(204, null, request.correlationId(), null);
        }
        return new RestAnswer(404, "Dit leerlingrapport is niet bekend.", request.correlationId(), null);
    }
}
