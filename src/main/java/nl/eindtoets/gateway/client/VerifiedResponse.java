package nl.eindtoets.gateway.client;

import java.security.cert.X509Certificate;
import java.util.List;
import nl.eindtoets.gateway.request.Oin;
import org.w3c.dom.Element;

/**
 * A response whose WS-Security header, signature coverage, SignatureConfirmation, RelatesTo and signer OIN were all
 * verified.
 *
 * @param payload   the single child of {@code soap:Body} (for a signed fault: the {@code soap:Fault})
 * @param action    the response {@code wsa:Action}
 * @param messageId the response {@code wsa:MessageID}
 * @param relatesTo the {@code wsa:RelatesTo} value, equal to the request MessageID
 * @param signer    the certificate that signed the response
 * @param signerOin its OIN
 * @param checks    the checks that passed, in the order they ran, for display
 */
public record VerifiedResponse(Element payload, String action, String messageId, String relatesTo,
                               X509Certificate signer, Oin signerOin, List<String> checks)
        implements GatewayResponse {

    public VerifiedResponse {
        checks = List.copyOf(checks);
    }
}
