package nl.eindtoets.gateway.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningKey;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestFixtures;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request signed by the project's client (a BrengDeelnemers request from school 99AA), held as a DOM so a test can
 * change it the way a careless or hostile sender would before it is received. Where a test needs the change to be
 * validly signed, {@link #redigest()} recomputes the reference digests and {@link #resign(String)} signs SignedInfo
 * again with a certs-dev key, both with exclusive c14n as the profile prescribes. Element accessors navigate from the
 * document each time, so they stay valid after a re-sign (which re-parses the envelope).
 */
final class Wire {

    static final String SOAP = Namespaces.SOAP11;
    static final String WSA = Namespaces.WSA;
    static final String WSSE = Namespaces.WSSE;
    static final String WSSE11 = Namespaces.WSSE11;
    static final String WSU = Namespaces.WSU;
    static final String DS = Namespaces.DS;
    static final String XMLNS = Namespaces.XMLNS;
    static final String EC = SigningOptions.EXC_C14N;
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String ATTACKER = "urn:example:attacker";
    static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    static final String X509_PKI_PATH =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509PKIPathv1";
    static final String BASE64_BINARY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    static final String INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private static final Map<String, String> SIGNATURE_ALGORITHMS = Map.of(
            SignatureAlgorithms.RSA_SHA256, "SHA256withRSA",
            SignatureAlgorithms.RSA_SHA384, "SHA384withRSA",
            SignatureAlgorithms.RSA_SHA512, "SHA512withRSA",
            SigningOptions.RSA_SHA1, "SHA1withRSA");
    private static final Map<String, String> DIGEST_ALGORITHMS = Map.of(
            SignatureAlgorithms.SHA256, "SHA-256",
            SignatureAlgorithms.SHA384, "SHA-384",
            SignatureAlgorithms.SHA512, "SHA-512",
            SigningOptions.SHA1, "SHA-1");

    private final SignedRequest signed;
    private Document doc;

    private Wire(SignedRequest signed) {
        this.signed = signed;
        this.doc = reparse(signed.document());
    }

    /** A request signed by the certs-dev party {@code party} (e.g. las-a) with {@code options}. */
    static Wire signedBy(String party, SigningOptions options) throws Exception {
        return signedWith(key(party), options);
    }

    static Wire signedWith(SigningKey key, SigningOptions options) throws Exception {
        return new Wire(new RequestSigner(key).sign(envelope(), options));
    }

    static SigningKey key(String party) throws Exception {
        return KeystoreCredentials.of(Path.of("certs-dev", party + ".p12"), "changeit").load();
    }

    /** The unsigned envelope every request here starts from: BrengDeelnemers from 99AA with four wsa headers. */
    static Document envelope() throws Exception {
        return EnvelopeBuilder.forXml(RequestFixtures.leerresultatenVerzoek("99AA").replace("<gw:leerresultaten_verzoek>",
                        "<gw:leerresultaten_verzoek xmlns:gw='" + RequestFixtures.GATEWAY + "'>").getBytes(StandardCharsets.UTF_8))
                .to(URI.create("https://localhost:8443" + RequestFixtures.DEELNEMERS_PATH), new Oin(RequestFixtures.GATEWAY_OIN))
                .action(RequestFixtures.BRENG_DEELNEMERS).messageId("urn:uuid:" + UUID.randomUUID())
                .from(Oin.ofSchool("99AA")).build();
    }

    /** The envelope parsed by the gateway's parse step, as received over mutual TLS from {@code tlsParty}. */
    static GatewayRequest received(String envelope, String tlsParty) {
        return RequestFixtures.parsed(envelope, RequestFixtures.post(tlsParty, ""));
    }

    GatewayRequest received(String tlsParty) {
        return received(xml(), tlsParty);
    }

    /** What the client made of it, before any change. */
    SignedRequest signed() {
        return signed;
    }

    Document document() {
        return doc;
    }

    /** The envelope as it goes on the wire, with every change so far. */
    String xml() {
        return SecureXml.toString(doc);
    }

    // --- navigation ---------------------------------------------------------------------------------------------

    Element envelopeElement() {
        return doc.getDocumentElement();
    }

    Element header() {
        return child(envelopeElement(), SOAP, "Header");
    }

    /** The Body that is the Envelope's child. */
    Element body() {
        return child(envelopeElement(), SOAP, "Body");
    }

    Element payload() {
        return firstElement(body());
    }

    /** A direct child of soap:Header. */
    Element header(String ns, String localName) {
        return child(header(), ns, localName);
    }

    Element security() {
        return header(WSSE, "Security");
    }

    Element timestamp() {
        return child(security(), WSU, "Timestamp");
    }

    Element created() {
        return child(timestamp(), WSU, "Created");
    }

    Element expires() {
        return child(timestamp(), WSU, "Expires");
    }

    Element token() {
        return child(security(), WSSE, "BinarySecurityToken");
    }

    Element signature() {
        return child(security(), DS, "Signature");
    }

    Element signedInfo() {
        return child(signature(), DS, "SignedInfo");
    }

    Element canonicalizationMethod() {
        return child(signedInfo(), DS, "CanonicalizationMethod");
    }

    Element signatureMethod() {
        return child(signedInfo(), DS, "SignatureMethod");
    }

    Element signatureValue() {
        return child(signature(), DS, "SignatureValue");
    }

    Element keyInfo() {
        return child(signature(), DS, "KeyInfo");
    }

    Element tokenReference() {
        return child(keyInfo(), WSSE, "SecurityTokenReference");
    }

    /** The wsse:Reference in KeyInfo that points at the BinarySecurityToken. */
    Element keyReference() {
        return child(tokenReference(), WSSE, "Reference");
    }

    List<Element> references() {
        return children(signedInfo(), DS, "Reference");
    }

    /** The ds:Reference whose URI points at {@code target} by its wsu:Id. */
    Element referenceTo(Element target) {
        String uri = "#" + wsuId(target);
        return references().stream().filter(r -> uri.equals(r.getAttribute("URI"))).findFirst()
                .orElseThrow(() -> new AssertionError("no reference to " + uri));
    }

    static Element transforms(Element reference) {
        return child(reference, DS, "Transforms");
    }

    static Element transform(Element reference) {
        return child(transforms(reference), DS, "Transform");
    }

    static Element digestMethod(Element reference) {
        return child(reference, DS, "DigestMethod");
    }

    static Element digestValue(Element reference) {
        return child(reference, DS, "DigestValue");
    }

    static String wsuId(Element element) {
        return element.getAttributeNS(WSU, "Id");
    }

    // --- building -----------------------------------------------------------------------------------------------

    /** A new element that declares its own prefix, so it reads the same in this DOM and once re-parsed. */
    Element element(String ns, String qualifiedName) {
        Element e = doc.createElementNS(ns, qualifiedName);
        int colon = qualifiedName.indexOf(':');
        e.setAttributeNS(XMLNS, colon < 0 ? "xmlns" : "xmlns:" + qualifiedName.substring(0, colon), ns);
        return e;
    }

    Element element(String ns, String qualifiedName, String text) {
        Element e = element(ns, qualifiedName);
        e.setTextContent(text);
        return e;
    }

    /** Appends a new header block to soap:Header and returns it. */
    Element addHeader(String ns, String qualifiedName) {
        return (Element) header().appendChild(element(ns, qualifiedName));
    }

    /** Gives {@code element} a wsu:Id (declaring the wsu prefix on it) and returns the Id. */
    static String giveWsuId(Element element, String id) {
        element.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
        element.setAttributeNS(WSU, "wsu:Id", id);
        return id;
    }

    /** Adds a ds:Reference shaped like the client's (exc-c14n, the first reference's digest method) to {@code uri}. */
    Element addReference(String uri) {
        Element reference = (Element) references().get(0).cloneNode(true);
        reference.setAttribute("URI", uri);
        signedInfo().appendChild(reference);
        return reference;
    }

    /** Base64 text with a line break every {@code width} characters, as MIME-style encoders write it. */
    static String wrapped(String base64, int width) {
        String compact = base64.replaceAll("\\s", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += width) {
            out.append(compact, i, Math.min(compact.length(), i + width));
            if (i + width < compact.length()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    // --- signing again ------------------------------------------------------------------------------------------

    /** Recomputes the digest of every reference that names exactly one element of the envelope (by wsu:Id or Id). */
    void redigest() throws Exception {
        doc = reparse(doc);
        for (Element reference : references()) {
            String uri = reference.getAttribute("URI");
            if (!uri.startsWith("#")) {
                continue;
            }
            List<Element> targets = new ArrayList<>();
            collectById(envelopeElement(), uri.substring(1), targets);
            if (targets.size() != 1) {
                continue;
            }
            Element transform = transform(reference);
            byte[] canonical = canonicalize(targets.get(0), EC, prefixList(transform));
            String algorithm = DIGEST_ALGORITHMS.get(digestMethod(reference).getAttribute("Algorithm"));
            digestValue(reference).setTextContent(
                    Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(canonical)));
        }
    }

    /** Signs SignedInfo as it now stands with the private key of certs-dev party {@code party}. */
    void resign(String party) throws Exception {
        resign(key(party).privateKey());
    }

    void resign(PrivateKey key) throws Exception {
        doc = reparse(doc);
        Element method = canonicalizationMethod();
        byte[] canonical = canonicalize(signedInfo(), method.getAttribute("Algorithm"), prefixList(method));
        Signature rsa = Signature.getInstance(SIGNATURE_ALGORITHMS.get(signatureMethod().getAttribute("Algorithm")));
        rsa.initSign(key);
        rsa.update(canonical);
        signatureValue().setTextContent(Base64.getEncoder().encodeToString(rsa.sign()));
    }

    /** Both, with las-a's key: the changed request is validly signed again by the party that signed it. */
    void redigestAndResign() throws Exception {
        redigest();
        resign("las-a");
    }

    private static byte[] canonicalize(Node node, String algorithm, String prefixList) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer c14n = Canonicalizer.getInstance(algorithm);
        if (prefixList == null) {
            c14n.canonicalizeSubtree(node, out);
        } else {
            c14n.canonicalizeSubtree(node, prefixList, out);
        }
        return out.toByteArray();
    }

    private static String prefixList(Element method) {
        Element inclusive = method == null ? null : child(method, EC, "InclusiveNamespaces");
        return inclusive == null ? null : inclusive.getAttribute("PrefixList");
    }

    private static void collectById(Element element, String id, List<Element> found) {
        if (id.equals(element.getAttributeNS(WSU, "Id")) || id.equals(element.getAttributeNS(null, "Id"))) {
            found.add(element);
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                collectById(e, id, found);
            }
        }
    }

    private static Document reparse(Document document) {
        try {
            return SecureXml.parse(SecureXml.toBytes(document));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("the changed envelope is not well-formed", e);
        }
    }

    // --- DOM helpers --------------------------------------------------------------------------------------------

    static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
