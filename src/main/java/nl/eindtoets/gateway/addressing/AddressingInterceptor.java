package nl.eindtoets.gateway.addressing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import nl.eindtoets.gateway.security.ReplayInterceptor;
import nl.eindtoets.gateway.soap.RequestDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Step 2b: reads the WS-Addressing headers from the very header elements whose signature coverage was just
 * checked, refuses duplicates, and applies {@link AddressingRules}. The result is left in the exchange for the
 * identity stage.
 */
public final class AddressingInterceptor extends AbstractSoapInterceptor {

    private final EndpointAddress endpoint;

    public AddressingInterceptor(EndpointAddress endpoint) {
        super(Phase.PRE_PROTOCOL);
        getAfter().add(ReplayInterceptor.class.getName());
        this.endpoint = endpoint;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        Map<String, Element> wsa = new HashMap<>();
        Element h = RequestDocument.of(message).header();
        for (Node n = h == null ? null : h.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && AddressingViolation.WSA_NS.equals(n.getNamespaceURI())) {
                if (wsa.put(n.getLocalName(), (Element) n) != null) {
                    throw AddressingRules.invalid("De header wsa:" + n.getLocalName() + " komt meer dan eens voor.");
                }
            }
        }
        AddressingHeaders headers = new AddressingHeaders(
                text(wsa.get("To")), text(wsa.get("Action")), text(wsa.get("MessageID")),
                address(wsa.get("From")), address(wsa.get("ReplyTo")), address(wsa.get("FaultTo")));
        if (wsa.containsKey("RelatesTo")) {
            throw AddressingRules.invalid("Een verzoek mag geen wsa:RelatesTo bevatten.");
        }
        AddressingRules.check(headers, endpoint, soapAction(message));
        message.getExchange().put(AddressingHeaders.class, headers);
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
                    && AddressingViolation.WSA_NS.equals(n.getNamespaceURI())) {
                return n.getTextContent().strip();
            }
        }
        return "";
    }

    private static String soapAction(SoapMessage message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return null;
        }
        Map<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        List<String> values = ci.get("SOAPAction");
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
