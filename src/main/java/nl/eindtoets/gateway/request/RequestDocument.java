package nl.eindtoets.gateway.request;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The request envelope, parsed once into a plain DOM. WS-Security verifies this very tree, and every later check
 * reads its Header and Body from it, so what was verified is what is used.
 */
public final class RequestDocument {

    private final Document document;
    private final Element header;
    private final Element body;
    private final String misplaced;

    public RequestDocument(Document document) {
        this(document, null);
    }

    /**
     * @param misplaced what the parser found out of place in the envelope structure (a Body or Header anywhere but
     *                  its own place), for the envelope-structure stage to refuse; null when the structure is sound
     */
    public RequestDocument(Document document, String misplaced) {
        this.document = document;
        this.misplaced = misplaced;
        Element header = null;
        Element body = null;
        Element envelope = document.getDocumentElement();
        for (Node n = envelope == null ? null : envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && Refusal.SOAP_ENV.equals(n.getNamespaceURI())) {
                if ("Header".equals(n.getLocalName()) && header == null) {
                    header = (Element) n;
                } else if ("Body".equals(n.getLocalName()) && body == null) {
                    body = (Element) n;
                }
            }
        }
        this.header = header;
        this.body = body;
    }

    /** The structure violation found while parsing, or null. */
    public String misplaced() {
        return misplaced;
    }

    public Document document() {
        return document;
    }

    /** soap:Header, or null when the envelope has none. */
    public Element header() {
        return header;
    }

    /** soap:Body, or null when the envelope has none. */
    public Element body() {
        return body;
    }

    /** The first element in the Body, or null. */
    public Element payload() {
        for (Node n = body == null ? null : body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        return null;
    }
}
