package nl.eindtoets.gateway.security;

import java.time.Duration;
import java.time.Instant;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.request.VerifiedSignature;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The last WS-Security stage: refuses a signed message that was already accepted (the same signature value within
 * the window in which its Timestamp is acceptable), and otherwise marks the request as having passed WS-Security. A
 * LAS that resends signs again, with a fresh Timestamp and so a new signature value.
 */
public final class ReplayCheck implements Stage {

    private static final String WSA_NS = WssNames.WSA;

    private final ReplayGuard guard;
    private final Duration ttl;
    private final Duration futureSkew;

    public ReplayCheck(ReplayGuard guard, Duration ttl, Duration futureSkew) {
        this.guard = guard;
        this.ttl = ttl;
        this.futureSkew = futureSkew;
    }

    @Override
    public void apply(GatewayRequest request) {
        VerifiedSignature signature = request.signature();
        // Acceptable until the later of Expires and Created + TTL, plus the skew a clock may be ahead by.
        Instant until = signature.created().plus(ttl);
        if (signature.expires() != null && signature.expires().isAfter(until)) {
            until = signature.expires();
        }
        String signer = CertificateOin.of(signature.signer()).map(o -> o.value()).orElse(null);
        String messageId = messageId(request.document().header());
        if (!guard.firstSeen(request, signature.signatureValue(), signer, messageId, until.plus(futureSkew))) {
            throw replayed();
        }
        request.passedWsSecurity();
    }

    /**
     * The refusal of a replay, also when the request's transaction finds the record written meanwhile by a
     * concurrent copy. A replay fails WS-Security: its fault is not signed and confirms no signature.
     */
    public static GatewayFault replayed() {
        return GatewayFault.security(SecurityCheck.INVALID_SECURITY, "replayed message");
    }

    /** The first wsa:MessageID as sent, for the replay record only (addressing is checked by the next stage). */
    private static String messageId(Element header) {
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && WSA_NS.equals(n.getNamespaceURI())
                    && "MessageID".equals(n.getLocalName())) {
                return n.getTextContent().strip();
            }
        }
        return null;
    }
}
