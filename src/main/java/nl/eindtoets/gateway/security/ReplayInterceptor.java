package nl.eindtoets.gateway.security;

import java.time.Duration;
import java.time.Instant;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Refuses a signed message that was already accepted: the same signature value within the window in which its
 * Timestamp is acceptable. A LAS that resends signs again, with a fresh Timestamp and so a new signature value.
 */
public final class ReplayInterceptor extends AbstractSoapInterceptor {

    private final ReplayGuard guard;
    private final Duration ttl;
    private final Duration futureSkew;

    public ReplayInterceptor(ReplayGuard guard, Duration ttl, Duration futureSkew) {
        super(Phase.PRE_PROTOCOL);
        getAfter().add(SignatureCoverageInterceptor.class.getName());
        this.guard = guard;
        this.ttl = ttl;
        this.futureSkew = futureSkew;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        VerifiedSignature signature = message.getExchange().get(VerifiedSignature.class);
        if (signature == null) {
            throw new SecurityRuleViolation(WSSecurityException.ErrorCode.INVALID_SECURITY, "no verified signature");
        }
        // Acceptable until the later of Expires and Created + TTL, plus the skew a clock may be ahead by.
        Instant until = signature.created().plus(ttl);
        if (signature.expires() != null && signature.expires().isAfter(until)) {
            until = signature.expires();
        }
        if (!guard.firstSeen(signature.signatureValue(), until.plus(futureSkew))) {
            // A replay fails WS-Security: its fault goes out unsigned, confirming nothing of the replayed signature.
            message.getExchange().remove(VerifiedSignature.class);
            throw new SecurityRuleViolation(WSSecurityException.ErrorCode.INVALID_SECURITY, "replayed message");
        }
    }
}
