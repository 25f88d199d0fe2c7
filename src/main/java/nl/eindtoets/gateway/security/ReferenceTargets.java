package nl.eindtoets.gateway.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    private final Map<String, Element> byId = new HashMap<>();
    private final Set<String> duplicates = new HashSet<>();

    ReferenceTargets(Element header, Element body, StrictSecurityHeader security) {
        add(body);
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element block && block != security.security()) {
                add(block);
            }
        }
        add(security.timestamp());
        add(security.token());
    }

    /** The element with {@code id}; refuses with {@code wsse:FailedCheck} an Id that is unknown or not unique. */
    Element resolve(String id) {
        if (duplicates.contains(id)) {
            throw GatewayFault.security(SecurityCheck.FAILED_CHECK, "Id " + id + " occurs more than once");
        }
        Element element = byId.get(id);
        if (element == null) {
            throw GatewayFault.security(SecurityCheck.FAILED_CHECK, "no signable element with Id " + id);
        }
        return element;
    }

    private void add(Element element) {
        if (element == null) {
            return;
        }
        String wsuId = element.getAttributeNS(WssNames.WSU, "Id");
        String id = element.getAttributeNS(null, "Id");
        if (!wsuId.isEmpty()) {
            put(wsuId, element);
        }
        if (!id.isEmpty() && !id.equals(wsuId)) {
            put(id, element);
        }
    }

    private void put(String id, Element element) {
        Element earlier = byId.putIfAbsent(id, element);
        if (earlier != null && earlier != element) {
            duplicates.add(id);
        }
    }
}
