package nl.eindtoets.gateway.soap;

import org.apache.cxf.message.Message;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The request envelope, parsed once into a plain DOM by {@link RequestParsingInterceptor}. WS-Security verifies this
 * very tree, and every later check reads its Header and Body from it, so what was verified is what is used.
 */
public final class RequestDocument {

    private static final String SOAP11 = FaultMapper.SOAP_ENV;

    private final Document document;
    private final Element header;
    private final Element body;

    RequestDocument(Document document) {
        this.document = document;
        Element header = null;
        Element body = null;
        Element envelope = document.getDocumentElement();
        for (Node n = envelope == null ? null : envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && SOAP11.equals(n.getNamespaceURI())) {
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

    /** The parsed request of {@code message}; fails closed when the chain did not parse one. */
    public static RequestDocument of(Message message) {
        RequestDocument doc = message == null ? null : message.get(RequestDocument.class);
        if (doc == null) {
            throw new IllegalStateException("no parsed request document");
        }
        return doc;
    }

    /** The parsed request of {@code message}, or null when there is none (a GET, or a request that failed to parse). */
    public static RequestDocument orNull(Message message) {
        return message == null ? null : message.get(RequestDocument.class);
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
}
