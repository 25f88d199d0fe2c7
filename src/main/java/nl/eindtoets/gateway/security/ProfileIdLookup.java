package nl.eindtoets.gateway.security;

import java.util.Collections;
import java.util.List;
import javax.xml.crypto.dom.DOMCryptoContext;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.XMLUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.callback.CallbackLookup;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Resolves signature references ({@code #id}) only among the places the 2W-be-S profile signs: the SOAP Body, the
 * direct children of soap:Header and the direct children of wsse:Security. Built once per message in one pass over
 * the header (the body is never walked), instead of WSS4J's walk of the whole tree for every reference. A reference
 * to an Id that occurs twice among those places is refused, so no reference can be steered to one of two
 * candidates; coverage is still judged by node identity afterwards.
 */
final class ProfileIdLookup implements CallbackLookup {

    private final Element body;
    private final IdIndex index = new IdIndex();

    ProfileIdLookup(Element header, Element securityHeader, Element body) {
        this.body = body;
        index.add(body);
        for (Element place : new Element[] {header, securityHeader}) {
            for (Node n = place == null ? null : place.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    index.add((Element) n);
                }
            }
        }
    }

    @Override
    public Element getElement(String id, String valueType, boolean checkMultipleElements) throws WSSecurityException {
        return getAndRegisterElement(id, valueType, checkMultipleElements, null);
    }

    @Override
    public Element getAndRegisterElement(String id, String valueType, boolean checkMultipleElements,
                                         DOMCryptoContext context) throws WSSecurityException {
        String idToMatch = XMLUtils.getIDFromReference(id);
        if (idToMatch == null) {
            return null;
        }
        if (index.isAmbiguous(idToMatch)) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK);
        }
        Element found = index.get(idToMatch);
        if (found != null && context != null) {
            if (idToMatch.equals(found.getAttributeNS(WSConstants.WSU_NS, "Id"))) {
                context.setIdAttributeNS(found, WSConstants.WSU_NS, "Id");
            }
            if (idToMatch.equals(found.getAttributeNS(null, "Id"))) {
                context.setIdAttributeNS(found, null, "Id");
            }
        }
        return found;
    }

    /** Only the Body is found by name: the profile signs nothing else by element name. */
    @Override
    public List<Element> getElements(String localname, String namespace) {
        if (body != null && WSConstants.ELEM_BODY.equals(localname) && namespace != null
                && namespace.equals(body.getNamespaceURI())) {
            return Collections.singletonList(body);
        }
        return Collections.emptyList();
    }

    @Override
    public Element getSOAPBody() {
        return body;
    }
}
