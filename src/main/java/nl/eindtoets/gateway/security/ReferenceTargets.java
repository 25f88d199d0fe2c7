package nl.eindtoets.gateway.security;

import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The elements a 2W-be-S signature may refer to, by their {@code wsu:Id} or {@code Id}: the SOAP Body, the blocks of
 * soap:Header other than wsse:Security, and the Timestamp and BinarySecurityToken in it. Indexed in one pass over
 * the header; the Body's content is never walked. An Id that is found twice among them cannot be referred to, so no
 * reference can be steered to one of two candidates; which elements the signature then protects is judged by node
 * identity.
 */
final class ReferenceTargets {

    private final IdIndex index = new IdIndex();

    ReferenceTargets(Element header, Element body, StrictSecurityHeader security) {
        index.add(body);
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element block && block != security.security()) {
                index.add(block);
            }
        }
        index.add(security.timestamp());
        index.add(security.token());
    }

    /** The element with {@code id}; refuses with {@code wsse:FailedCheck} an Id that is unknown or not unique. */
    Element resolve(String id) {
        if (index.isAmbiguous(id)) {
            throw GatewayFault.security(SecurityCheck.FAILED_CHECK, "Id " + id + " occurs more than once");
        }
        Element element = index.get(id);
        if (element == null) {
            throw GatewayFault.security(SecurityCheck.FAILED_CHECK, "no signable element with Id " + id);
        }
        return element;
    }
}
