package nl.eindtoets.gateway.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.SAXException;

/**
 * Namespace-aware XML parsing and serialisation that never resolves DTDs, entities, XIncludes or anything external.
 * Every DOM the project builds from untrusted bytes goes through here.
 */
public final class SecureXml {

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /** DocumentBuilder instances are not thread-safe; one per thread, reset before each use. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    /** A fresh hardened factory, for callers that need their own (e.g. to add schema validation). */
    public static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            // No resolver may ever be consulted; fail loudly if the parser still tries.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder() {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        builder.setErrorHandler(null);
        return builder;
    }

    public static Document newDocument() {
        return builder().newDocument();
    }

    public static Document parse(byte[] xml) throws SAXException {
        return parse(new ByteArrayInputStream(xml));
    }

    public static Document parse(InputStream xml) throws SAXException {
        try {
            return builder().parse(xml);
        } catch (IOException e) {
            throw new SAXException("cannot read XML: " + e.getMessage(), e);
        }
    }

    /** Serialises exactly as the DOM stands (no indentation), as signed content must be sent. */
    public static byte[] toBytes(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transform(node, new StreamResult(out), false);
        return out.toByteArray();
    }

    /** Human-readable rendering for display only; never send or verify this form. */
    public static String pretty(Node node) {
        Node copy = node instanceof Document doc ? doc.cloneNode(true) : node.cloneNode(true);
        stripWhitespaceText(copy);
        StringWriter out = new StringWriter();
        transform(copy, new StreamResult(out), true);
        return out.toString().strip();
    }

    public static String toString(Node node) {
        return new String(toBytes(node), StandardCharsets.UTF_8);
    }

    private static void transform(Node node, StreamResult result, boolean indent) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, indent ? "yes" : "no");
            if (indent) {
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            transformer.transform(new DOMSource(node), result);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }

    private static void stripWhitespaceText(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Text text && text.getData().isBlank() && node.getChildNodes().getLength() > 1) {
                node.removeChild(child);
            } else {
                stripWhitespaceText(child);
            }
            child = next;
        }
    }
}
