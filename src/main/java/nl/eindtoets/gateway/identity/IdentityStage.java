package nl.eindtoets.gateway.identity;

import java.util.List;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The identity stage: gathers the signer certificate, the TLS client certificate, {@code wsa:From} and the school
 * named in the body, lets {@link IdentityResolver} decide, and records the request's identity.
 */
public final class IdentityStage implements Stage {

    private final List<QName> schoolPath;

    /**
     * @param schoolPath element names from the body's payload element down to the element that holds
     *                   {@code brincode} and {@code dependancecode} (empty: the payload element itself)
     */
    public IdentityStage(List<QName> schoolPath) {
        this.schoolPath = List.copyOf(schoolPath);
    }

    @Override
    public void apply(GatewayRequest request) {
        AddressingHeaders addressing = request.addressing();
        Element school = schoolElement(request.document().payload());
        request.identified(IdentityResolver.resolve(request.signature().signer(), request.transport().tlsClient(),
                addressing.fromAddress(), child(school, "brincode"), child(school, "dependancecode"),
                addressing.messageId()));
    }

    private Element schoolElement(Element payload) {
        Element current = payload;
        for (QName step : schoolPath) {
            current = current == null ? null : firstChild(current, step);
        }
        return current;
    }

    private static Element firstChild(Element parent, QName name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name.getLocalPart().equals(n.getLocalName())
                    && name.getNamespaceURI().equals(n.getNamespaceURI())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && localName.equals(n.getLocalName())) {
                return n.getTextContent();
            }
        }
        return null;
    }
}
