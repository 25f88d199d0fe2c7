package nl.eindtoets.gateway.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading the WS-Security header the strict way: only element children where the profile has elements, no text
 * but whitespace between them (comments are ignored, as exclusive c14n omits them), base64 of the exact alphabet.
 * Whatever does not fit is refused with {@code wsse:InvalidSecurity}.
 */
final class StrictXml {

    private StrictXml() {
    }

    /** The element children of {@code parent}; refuses text other than whitespace and any other kind of node. */
    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>(4);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> elements.add((Element) n);
                case Node.COMMENT_NODE -> { }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!isWhitespace(n.getNodeValue())) {
                        throw invalid("text in " + parent.getLocalName());
                    }
                }
                default -> throw invalid("unexpected node in " + parent.getLocalName());
            }
        }
        return elements;
    }

    /** The one element child of {@code parent}, which must be {@code ns}:{@code localName}. */
    static Element onlyChild(Element parent, String ns, String localName) {
        List<Element> children = children(parent);
        if (children.size() != 1 || !is(children.get(0), ns, localName)) {
            throw invalid(parent.getLocalName() + " must hold exactly one " + localName);
        }
        return children.get(0);
    }

    /** Refuses element children: the element holds text only. */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(n.getNodeValue());
                case Node.COMMENT_NODE -> { }
                default -> throw invalid(element.getLocalName() + " must hold text only");
            }
        }
        return text.toString();
    }

    static boolean is(Element element, String ns, String localName) {
        return localName.equals(element.getLocalName()) && ns.equals(element.getNamespaceURI());
    }

    /** The attribute without namespace, or null when it is absent. */
    static String attribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? element.getAttributeNS(null, name) : null;
    }

    /** The bytes of base64 text (xs:base64Binary: whitespace allowed, nothing else outside the alphabet). */
    static byte[] base64(Element element) {
        String text = text(element);
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isWhitespace(c)) {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw invalid(element.getLocalName() + " is not base64");
        }
    }

    static GatewayFault invalid(String reason) {
        return GatewayFault.security(SecurityCheck.INVALID_SECURITY, reason);
    }

    private static boolean isWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
