package nl.eindtoets.gateway.security;

import java.time.Duration;
import java.time.Instant;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Element;

/**
 * Refuses a signed message that was already accepted: the same signature value within the window in which its
 * Timestamp is acceptable. A LAS that resends signs again, with a fresh Timestamp and so a new signature value.
 */
public final class ReplayInterceptor extends AbstractSoapInterceptor {

    private static final QName MESSAGE_ID = new QName("http://www.w3.org/2005/08/addressing", "MessageID");

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
        String signer = CertificateOin.of(signature.signer()).map(o -> o.value()).orElse(null);
        if (!guard.firstSeen(signature.signatureValue(), signer, messageId(message), until.plus(futureSkew))) {
            // A replay fails WS-Security: its fault is not signed and confirms no signature.
            message.getExchange().remove(VerifiedSignature.class);
            throw new SecurityRuleViolation(WSSecurityException.ErrorCode.INVALID_SECURITY, "replayed message");
        }
    }

    /** The wsa:MessageID as sent, for the replay record only (addressing is checked later in the chain). */
    private static String messageId(SoapMessage message) {
        for (Header h : message.getHeaders()) {
            if (MESSAGE_ID.equals(h.getName()) && h.getObject() instanceof Element e) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
