package nl.eindtoets.gateway.addressing;

import java.util.HashMap;
import java.util.Map;
import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.Stage;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WS-Addressing stage: reads the WS-Addressing headers from the very header elements whose signature coverage
 * was just checked, refuses duplicates, and applies {@link AddressingRules} with the SOAPAction the transport
 * carried. The headers become the request's {@link AddressingHeaders}.
 */
public final class AddressingStage implements Stage {

    private final EndpointAddress endpoint;

    public AddressingStage(EndpointAddress endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void apply(GatewayRequest request) {
        AddressingHeaders headers = read(request.document().header());
        AddressingRules.check(headers, endpoint, request.transport().soapAction());
        request.addressed(headers);
    }

    /** The WS-Addressing 1.0 headers among the children of {@code header}; refuses duplicates and RelatesTo. */
    public static AddressingHeaders read(Element header) {
        Map<String, Element> wsa = new HashMap<>();
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && Refusal.WSA.equals(n.getNamespaceURI())) {
                if (wsa.put(n.getLocalName(), (Element) n) != null) {
                    throw AddressingRules.invalid("De header wsa:" + n.getLocalName() + " komt meer dan eens voor.");
                }
            }
        }
        if (wsa.containsKey("RelatesTo")) {
            throw AddressingRules.invalid("Een verzoek mag geen wsa:RelatesTo bevatten.");
        }
        return new AddressingHeaders(
                text(wsa.get("To")), text(wsa.get("Action")), text(wsa.get("MessageID")),
                address(wsa.get("From")), address(wsa.get("ReplyTo")), address(wsa.get("FaultTo")));
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    private static String address(Element epr) {
        if (epr == null) {
            return null;
        }
        for (Node n = epr.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && "Address".equals(n.getLocalName())
                    && Refusal.WSA.equals(n.getNamespaceURI())) {
                return n.getTextContent().strip();
            }
        }
        return "";
    }
}
