package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.security.WssNames.BASE64_BINARY;
import static nl.eindtoets.gateway.security.WssNames.DS;
import static nl.eindtoets.gateway.security.WssNames.WSSE;
import static nl.eindtoets.gateway.security.WssNames.WSSE11;
import static nl.eindtoets.gateway.security.WssNames.WSU;
import static nl.eindtoets.gateway.security.WssNames.X509V3;
import static nl.eindtoets.gateway.security.WssNames.XMLNS;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The elements of an answer's Security header that the gateway generates itself, each as the DOM element that goes
 * on the wire and as its exclusive canonical form (no comments, no InclusiveNamespaces), written directly.
 *
 * <p>The canonical form can be written directly because these elements have a fixed shape: every namespace the
 * element and its attributes use is declared at its top (exclusive c14n renders exactly those, sorted by prefix),
 * attributes in no namespace come before namespaced ones, empty elements are start and end tag, and no value contains
 * a character that c14n would escape ({@link #plain} refuses one). {@code AnswerSecurityElementsTest} compares each
 * form with Santuario's exclusive c14n of the element as a receiver parses it.
 */
final class AnswerSecurityElements {

    private AnswerSecurityElements() {
    }

    /** {@code wsu:Timestamp} with Created and Expires (xs:dateTime in UTC). */
    record Timestamp(String id, String created, String expires) {

        Timestamp {
            plain(id);
            plain(created);
            plain(expires);
        }

        Element element(Document doc) {
            Element ts = doc.createElementNS(WSU, "wsu:Timestamp");
            ts.setAttributeNS(WSU, "wsu:Id", id);
            ts.appendChild(doc.createElementNS(WSU, "wsu:Created")).setTextContent(created);
            ts.appendChild(doc.createElementNS(WSU, "wsu:Expires")).setTextContent(expires);
            return ts;
        }

        byte[] canonical() {
            return ("<wsu:Timestamp xmlns:wsu=\"" + WSU + "\" wsu:Id=\"" + id + "\"><wsu:Created>" + created
                    + "</wsu:Created><wsu:Expires>" + expires + "</wsu:Expires></wsu:Timestamp>")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code wsse11:SignatureConfirmation} echoing the request's SignatureValue (base64, no line breaks). */
    record SignatureConfirmation(String id, String value) {

        SignatureConfirmation {
            plain(id);
            plain(value);
        }

        Element element(Document doc) {
            Element sc = doc.createElementNS(WSSE11, "wsse11:SignatureConfirmation");
            sc.setAttributeNS(XMLNS, "xmlns:wsse11", WSSE11);
            sc.setAttributeNS(null, "Value", value);
            sc.setAttributeNS(WSU, "wsu:Id", id);
            return sc;
        }

        byte[] canonical() {
            return ("<wsse11:SignatureConfirmation xmlns:wsse11=\"" + WSSE11 + "\" xmlns:wsu=\"" + WSU + "\" Value=\""
                    + value + "\" wsu:Id=\"" + id + "\"></wsse11:SignatureConfirmation>")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * One {@code ds:Reference}: a same-document Id, exclusive c14n as its only transform (with the InclusiveNamespaces
     * prefix list, or null for none) and a SHA-256 digest (base64).
     */
    record Reference(String id, String prefixList, String digest) {

        Reference {
            plain(id);
            if (prefixList != null) {
                plain(prefixList);
            }
            plain(digest);
        }

        Element element(Document doc) {
            Element ref = doc.createElementNS(DS, "ds:Reference");
            ref.setAttributeNS(null, "URI", "#" + id);
            Element transform = algorithm(doc, "ds:Transform", SignatureAlgorithms.EXC_C14N);
            ref.appendChild(doc.createElementNS(DS, "ds:Transforms")).appendChild(transform);
            if (prefixList != null) {
                Element inclusive = doc.createElementNS(SignatureAlgorithms.EXC_C14N, "ec:InclusiveNamespaces");
                inclusive.setAttributeNS(XMLNS, "xmlns:ec", SignatureAlgorithms.EXC_C14N);
                inclusive.setAttributeNS(null, "PrefixList", prefixList);
                transform.appendChild(inclusive);
            }
            ref.appendChild(algorithm(doc, "ds:DigestMethod", SignatureAlgorithms.SHA256));
            ref.appendChild(doc.createElementNS(DS, "ds:DigestValue")).setTextContent(digest);
            return ref;
        }

        void appendCanonical(StringBuilder out) {
            out.append("<ds:Reference URI=\"#").append(id).append("\"><ds:Transforms><ds:Transform Algorithm=\"")
                    .append(SignatureAlgorithms.EXC_C14N).append("\">");
            if (prefixList != null) {
                out.append("<ec:InclusiveNamespaces xmlns:ec=\"").append(SignatureAlgorithms.EXC_C14N)
                        .append("\" PrefixList=\"").append(prefixList).append("\"></ec:InclusiveNamespaces>");
            }
            out.append("</ds:Transform></ds:Transforms><ds:DigestMethod Algorithm=\"").append(SignatureAlgorithms.SHA256)
                    .append("\"></ds:DigestMethod><ds:DigestValue>").append(digest)
                    .append("</ds:DigestValue></ds:Reference>");
        }
    }

    /** {@code ds:SignedInfo}: exclusive c14n (no prefix list), RSA-SHA256, the references in order. */
    record SignedInfo(List<Reference> references) {

        SignedInfo {
            references = List.copyOf(references);
        }

        Element element(Document doc) {
            Element info = doc.createElementNS(DS, "ds:SignedInfo");
            info.appendChild(algorithm(doc, "ds:CanonicalizationMethod", SignatureAlgorithms.EXC_C14N));
            info.appendChild(algorithm(doc, "ds:SignatureMethod", SignatureAlgorithms.RSA_SHA256));
            for (Reference r : references) {
                info.appendChild(r.element(doc));
            }
            return info;
        }

        byte[] canonical() {
            StringBuilder out = new StringBuilder(256 + 400 * references.size());
            out.append("<ds:SignedInfo xmlns:ds=\"").append(DS).append("\"><ds:CanonicalizationMethod Algorithm=\"")
                    .append(SignatureAlgorithms.EXC_C14N).append("\"></ds:CanonicalizationMethod>")
                    .append("<ds:SignatureMethod Algorithm=\"").append(SignatureAlgorithms.RSA_SHA256)
                    .append("\"></ds:SignatureMethod>");
            for (Reference r : references) {
                r.appendCanonical(out);
            }
            return out.append("</ds:SignedInfo>").toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code ds:Signature} around a SignedInfo, with its value and a KeyInfo that references the BinarySecurityToken
     * {@code tokenId} directly.
     */
    static Element signature(Document doc, Element signedInfo, String signatureValue, String tokenId) {
        Element signature = doc.createElementNS(DS, "ds:Signature");
        signature.setAttributeNS(XMLNS, "xmlns:ds", DS);
        signature.appendChild(signedInfo);
        signature.appendChild(doc.createElementNS(DS, "ds:SignatureValue")).setTextContent(signatureValue);
        Element reference = doc.createElementNS(WSSE, "wsse:Reference");
        reference.setAttributeNS(null, "URI", "#" + tokenId);
        reference.setAttributeNS(null, "ValueType", X509V3);
        signature.appendChild(doc.createElementNS(DS, "ds:KeyInfo"))
                .appendChild(doc.createElementNS(WSSE, "wsse:SecurityTokenReference"))
                .appendChild(reference);
        return signature;
    }

    private static Element algorithm(Document doc, String dsName, String algorithm) {
        Element e = doc.createElementNS(DS, dsName);
        e.setAttributeNS(null, "Algorithm", algorithm);
        return e;
    }

    /** {@code wsse:BinarySecurityToken} holding an X.509 certificate (base64 of its DER). */
    static Element binarySecurityToken(Document doc, String id, String encodedCertificate) {
        Element bst = doc.createElementNS(WSSE, "wsse:BinarySecurityToken");
        bst.setAttributeNS(null, "EncodingType", BASE64_BINARY);
        bst.setAttributeNS(null, "ValueType", X509V3);
        bst.setAttributeNS(WSU, "wsu:Id", id);
        bst.setTextContent(encodedCertificate);
        return bst;
    }

    /**
     * Refuses a value c14n would not copy verbatim into text or an attribute ({@code & < > "} and whitespace other
     * than the space), so the directly written canonical forms stay exact whatever is passed.
     */
    static String plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not a plain ASCII value for a generated security element");
            }
        }
        return value;
    }
}
