package nl.eindtoets.gateway.soap;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import nl.eindtoets.gateway.identity.RequestIdentity;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Element;

/**
 * What the chain established about the request being handled, for the endpoint adapters: the verified identity and
 * the digest of the body. Fails closed when called outside a verified request.
 */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    public static RequestIdentity identity() {
        RequestIdentity identity = message().getExchange().get(RequestIdentity.class);
        if (identity == null) {
            throw new IllegalStateException("handler reached without a verified identity");
        }
        return identity;
    }

    public static String bodyDigest() {
        try {
            SOAPMessage saaj = message().getContent(SOAPMessage.class);
            Element body = (Element) DOMUtils.getDomElement(saaj.getSOAPBody());
            return BodyDigest.of(DOMUtils.getFirstElement(body));
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message message() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        if (m == null) {
            throw new IllegalStateException("no current request");
        }
        return m;
    }
}
