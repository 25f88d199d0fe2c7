package nl.eindtoets.gateway.identity;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.addressing.AddressingHeaders;
import nl.eindtoets.gateway.addressing.AddressingInterceptor;
import nl.eindtoets.gateway.security.VerifiedSignature;
import nl.eindtoets.gateway.soap.RequestDocument;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Step 3 glue: gathers the signer certificate, the TLS client certificate, {@code wsa:From} and the school
 * named in the body, lets {@link IdentityResolver} decide, and leaves the {@link RequestIdentity} in the exchange.
 */
public final class IdentityInterceptor extends AbstractSoapInterceptor {

    private final List<QName> schoolPath;

    /**
     * @param schoolPath element names from the body's payload element down to the element that holds
     *                   {@code brincode} and {@code dependancecode} (empty: the payload element itself)
     */
    public IdentityInterceptor(List<QName> schoolPath) {
        super(Phase.PRE_PROTOCOL);
        getAfter().add(AddressingInterceptor.class.getName());
        this.schoolPath = List.copyOf(schoolPath);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        VerifiedSignature signature = message.getExchange().get(VerifiedSignature.class);
        AddressingHeaders addressing = message.getExchange().get(AddressingHeaders.class);
        if (signature == null || addressing == null) {
            throw new IllegalStateException("identity stage reached without verified signature and addressing");
        }
        Element school = schoolElement(message);
        RequestIdentity identity = IdentityResolver.resolve(signature.signer(), tlsClientCertificate(message),
                addressing.fromAddress(), child(school, "brincode"), child(school, "dependancecode"),
                addressing.messageId());
        message.getExchange().put(RequestIdentity.class, identity);
    }

    private static X509Certificate tlsClientCertificate(SoapMessage message) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        return peer != null && peer.length > 0 && peer[0] instanceof X509Certificate x ? x : null;
    }

    private Element schoolElement(SoapMessage message) {
        Element body = RequestDocument.of(message).body();
        Element current = body == null ? null : DOMUtils.getFirstElement(body);
        for (QName step : schoolPath) {
            current = current == null ? null : DOMUtils.getFirstChildWithName(current, step);
        }
        return current;
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
