package nl.eindtoets.gateway.rest;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.AuditRecord;
import nl.eindtoets.gateway.store.RequestTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every chain of the REST front door does alike: read edu-to and edu-from, answer a refusal, audit it. */
final class RestOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(RestOutcome.class);
    private static final Pattern EDU_ADDRESS = Pattern.compile("[0-9A-Za-z]{20}");

    private RestOutcome() {
    }

    /** The query parameter {@code name}: 20 digits and letters (DOMAIN §2.1), else 400. */
    static String eduAddress(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || !EDU_ADDRESS.matcher(value).matches()) {
            String text = "De queryparameter " + name + " ontbreekt of is geen 20 cijfers en letters.";
            throw new GatewayFault(new Refusal.Unreadable(text, 400, text));
        }
        return value;
    }

    /** Records the refusal on the request and answers it: its text, never a stack trace; server errors logged whole. */
    static RestAnswer refused(GatewayRequest request, Refusal refusal, Throwable cause, String operation,
                              int retryAfterSeconds) {
        request.refused(refusal);
        int status = RestStatus.of(refusal);
        if (status >= 500) {
            LOG.warn("REST {} refused with {}: {}", operation, status, refusal.logReason(), cause);
        } else {
            LOG.info("REST {} refused with {}: {}", operation, status, refusal.logReason());
        }
        return new RestAnswer(status, refusal.text(), request.correlationId(), status == 503 ? retryAfterSeconds : null);
    }

    /**
     * Commits what the request's stages enlisted (its mandate decision) with the audit record of its refusal, or of
     * an answer that had no transaction of its own; see {@link RequestTransactions#commitRefusal}.
     */
    static void commitRefusal(RestPostChain.Services services, GatewayRequest request, String operation,
                              String digest) {
        services.transactions().commitRefusal(request, record(services.clock().instant(), request, operation, digest));
    }

    /**
     * As for SOAP: who, for which school, what was decided. A request refused before the sender was identified still
     * names the OIN of its TLS client certificate, which the TLS layer has verified already: a refusal of a LAS is
     * then found under that LAS.
     */
    static AuditRecord record(Instant time, GatewayRequest request, String operation, String digest) {
        RequestIdentity who = request.identityOrNull();
        Refusal refusal = request.refusalOrNull();
        String sender = who != null ? who.signerOin().value() : tlsClientOin(request);
        return new AuditRecord(time, request.correlationId(), who == null ? null : who.messageId(), sender,
                who == null ? null : who.schoolOin().value(), operation, request.outcome().label(),
                refusal == null ? null : refusal.codeName(), who == null ? null : digest);
    }

    private static String tlsClientOin(GatewayRequest request) {
        X509Certificate client = request.transport().tlsClient();
        return client == null ? null : CertificateOin.of(client).map(Oin::value).orElse(null);
    }
}
