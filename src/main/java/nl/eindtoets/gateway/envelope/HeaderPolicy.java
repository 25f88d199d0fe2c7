package nl.eindtoets.gateway.envelope;

import java.util.Set;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import org.w3c.dom.Node;

/**
 * Digikoppeling WS007: no header blocks beyond those of the profile (WS-Security, WS-Addressing). The UWLR
 * {@code autorisatie} header is tolerated because classic UWLR clients send it; it plays no part in authorisation.
 */
public final class HeaderPolicy implements Stage {

    private static final Set<String> ALLOWED_NAMESPACES = Set.of(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
            "http://www.w3.org/2005/08/addressing",
            "http://www.edustandaard.nl/leerresultaten/2/autorisatie");

    @Override
    public void apply(GatewayRequest request) {
        Node header = request.document().header();
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && !ALLOWED_NAMESPACES.contains(n.getNamespaceURI())) {
                throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0010",
                        "Het bericht bevat een header die dit profiel niet toestaat.", null);
            }
        }
    }
}
