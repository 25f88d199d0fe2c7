package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.SOAP11;
import static nl.eindtoets.gateway.client.Namespaces.WSA;
import static nl.eindtoets.gateway.client.Namespaces.WSU;
import static nl.eindtoets.gateway.client.Namespaces.XMLNS;

import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Builds the SOAP 1.1 envelope of a 2W-be-S request: WS-Addressing 1.0 headers and one body element, every header and
 * the Body carrying a {@code wsu:Id} so each can be signed by its own reference. Defaults produce a correct request;
 * {@link #header}, {@link #omit} exist so conformance tests can produce incorrect ones.
 *
 * <p>Starting from a full envelope, headers already present are kept unless a value is set explicitly or the header
 * is omitted; missing ones are filled in.
 */
public final class EnvelopeBuilder {

    private final Element payload;
    private final Document envelope;
    private final Map<WsaHeader, String> explicit = new EnumMap<>(WsaHeader.class);
    private final Set<WsaHeader> omitted = EnumSet.noneOf(WsaHeader.class);
    private URI endpoint;
    private Oin receiver;
    private Oin school;
    private boolean replyToAnonymous;

    private EnvelopeBuilder(Element payload, Document envelope) {
        this.payload = payload;
        this.envelope = envelope;
    }

    /** A new envelope whose Body holds a copy of {@code payload}. */
    public static EnvelopeBuilder forPayload(Element payload) {
        return new EnvelopeBuilder(Objects.requireNonNull(payload, "payload"), null);
    }

    /** Parses {@code xml}: a full SOAP 1.1 envelope is completed, anything else becomes the body payload. */
    public static EnvelopeBuilder forXml(byte[] xml) throws SAXException {
        Document doc = SecureXml.parse(xml);
        Element root = doc.getDocumentElement();
        return isEnvelope(root) ? forEnvelope(doc) : forPayload(root);
    }

    /** Completes a copy of an existing SOAP 1.1 envelope. */
    public static EnvelopeBuilder forEnvelope(Document envelope) {
        if (!isEnvelope(envelope.getDocumentElement())) {
            throw new IllegalArgumentException("not a SOAP 1.1 Envelope");
        }
        return new EnvelopeBuilder(null, envelope);
    }

    /** {@code wsa:To} = endpoint, plus {@code ?oin=receiver} when a receiver OIN is given. */
    public EnvelopeBuilder to(URI endpoint, Oin receiver) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.receiver = receiver;
        return this;
    }

    public EnvelopeBuilder action(String action) {
        return header(WsaHeader.ACTION, action);
    }

    public EnvelopeBuilder messageId(String messageId) {
        return header(WsaHeader.MESSAGE_ID, messageId);
    }

    /** The school on whose behalf the LAS sends: {@code wsa:From} = anonymous URI + {@code ?oin=school}. */
    public EnvelopeBuilder from(Oin school) {
        this.school = Objects.requireNonNull(school, "school");
        return this;
    }

    /** Adds {@code wsa:ReplyTo} with the anonymous address (it is optional: anonymous is implied without it). */
    public EnvelopeBuilder replyToAnonymous() {
        this.replyToAnonymous = true;
        return this;
    }

    /** Sets a header to an arbitrary value (for From and ReplyTo: the Address text), overriding any default. */
    public EnvelopeBuilder header(WsaHeader header, String value) {
        explicit.put(header, Objects.requireNonNull(value, "value"));
        omitted.remove(header);
        return this;
    }

    /** Leaves the header out (and removes it from a given envelope). */
    public EnvelopeBuilder omit(WsaHeader... headers) {
        for (WsaHeader h : headers) {
            omitted.add(h);
            explicit.remove(h);
        }
        return this;
    }

    public Document build() {
        Document doc;
        Element env;
        Element header;
        Element body;
        if (envelope != null) {
            doc = (Document) envelope.cloneNode(true);
            env = doc.getDocumentElement();
            body = child(env, SOAP11, "Body");
            if (body == null) {
                throw new IllegalArgumentException("the envelope has no Body");
            }
            header = child(env, SOAP11, "Header");
            if (header == null) {
                header = doc.createElementNS(SOAP11, prefixOf(env) + "Header");
                env.insertBefore(header, body);
            }
        } else {
            doc = SecureXml.newDocument();
            env = doc.createElementNS(SOAP11, "soap:Envelope");
            env.setAttributeNS(XMLNS, "xmlns:soap", SOAP11);
            doc.appendChild(env);
            header = doc.createElementNS(SOAP11, "soap:Header");
            env.appendChild(header);
            body = doc.createElementNS(SOAP11, "soap:Body");
            env.appendChild(body);
            body.appendChild(doc.importNode(payload, true));
        }
        declare(env, "wsa", WSA);
        declare(env, "wsu", WSU);

        for (WsaHeader h : WsaHeader.values()) {
            Element existing = child(header, WSA, h.localName());
            if (omitted.contains(h)) {
                if (existing != null) {
                    header.removeChild(existing);
                }
                continue;
            }
            if (existing != null && !explicit.containsKey(h)) {
                ensureId(existing, h.localName());
                continue;
            }
            String value = valueOf(h);
            if (value == null) {
                continue;
            }
            Element element = headerElement(doc, h, value);
            if (existing != null) {
                header.replaceChild(element, existing);
            } else {
                header.appendChild(element);
            }
        }
        ensureId(body, "Body");
        return doc;
    }

    private String valueOf(WsaHeader h) {
        if (explicit.containsKey(h)) {
            return explicit.get(h);
        }
        return switch (h) {
            case TO -> {
                if (endpoint == null) {
                    throw new IllegalStateException("wsa:To needs an endpoint (to(...)) or an explicit value");
                }
                yield withOin(endpoint.toString(), receiver);
            }
            case ACTION -> throw new IllegalStateException("wsa:Action needs a value (action(...))");
            case MESSAGE_ID -> "urn:uuid:" + UUID.randomUUID();
            case FROM -> {
                if (school == null) {
                    throw new IllegalStateException("wsa:From needs the school OIN (from(...)) or an explicit value");
                }
                yield withOin(Namespaces.WSA_ANONYMOUS, school);
            }
            case REPLY_TO -> replyToAnonymous ? Namespaces.WSA_ANONYMOUS : null;
        };
    }

    private static String withOin(String address, Oin oin) {
        if (oin == null) {
            return address;
        }
        return address + (address.contains("?") ? "&" : "?") + "oin=" + oin.value();
    }

    private static Element headerElement(Document doc, WsaHeader h, String value) {
        Element element = doc.createElementNS(WSA, "wsa:" + h.localName());
        if (h.isEndpointReference()) {
            Element address = doc.createElementNS(WSA, "wsa:Address");
            address.setTextContent(value);
            element.appendChild(address);
        } else {
            element.setTextContent(value);
        }
        ensureId(element, h.localName());
        return element;
    }

    private static void ensureId(Element element, String kind) {
        if (element.getAttributeNS(WSU, "Id").isEmpty()) {
            element.setAttributeNS(WSU, "wsu:Id", kind + "-" + UUID.randomUUID());
        }
    }

    private static void declare(Element env, String prefix, String ns) {
        String existing = env.getAttributeNS(XMLNS, prefix);
        if (!existing.isEmpty() && !existing.equals(ns)) {
            throw new IllegalArgumentException("the envelope binds prefix '" + prefix + "' to another namespace");
        }
        env.setAttributeNS(XMLNS, "xmlns:" + prefix, ns);
    }

    private static String prefixOf(Element element) {
        return element.getPrefix() == null ? "" : element.getPrefix() + ":";
    }

    static boolean isEnvelope(Element root) {
        return root != null && SOAP11.equals(root.getNamespaceURI()) && "Envelope".equals(root.getLocalName());
    }

    /** First child element with this name, or null. */
    static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
