package nl.eindtoets.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The canonical forms the lean signer writes directly are, byte for byte, Santuario's exclusive c14n of the same
 * elements as a receiver parses them from the signed answer (inside the Security header, under the envelope's own
 * namespace declarations).
 */
class AnswerSecurityElementsTest {

    static {
        org.apache.xml.security.Init.init();
    }

    private static final AnswerSecurityElements.Timestamp TIMESTAMP = new AnswerSecurityElements.Timestamp(
            "TS-1f0c", "2026-12-07T10:15:30.123Z", "2026-12-07T10:20:30.123Z");
    private static final AnswerSecurityElements.SignatureConfirmation CONFIRMATION =
            new AnswerSecurityElements.SignatureConfirmation("SC-1f0c", "aq8zlG2A9Vu+rq/6rD7iq==");
    private static final AnswerSecurityElements.SignedInfo SIGNED_INFO = new AnswerSecurityElements.SignedInfo(List.of(
            new AnswerSecurityElements.Reference("TS-1f0c", null, "X8/g1/ChwYzH/7h8KkS6Fpv28IZKPaukYMPF3+2eDk0="),
            new AnswerSecurityElements.Reference("id-1-1f0c", "soap", "nB7bOge2xypmNn1+ukIL+XnouRjryVLKQTqCCJiv7nA="),
            new AnswerSecurityElements.Reference("id-2-1f0c", "wsse soap #default", "FSC9a4cdsys8Gm39RG1khICnWic7Mb2OFPQ4G2JXXiQ=")));

    @Test
    void timestampIsWrittenAsSantuarioCanonicalisesIt() throws Exception {
        Document received = inSecurityHeader(TIMESTAMP::element);

        assertThat(text(TIMESTAMP.canonical())).isEqualTo(santuario(child(received, "Timestamp")));
    }

    @Test
    void signatureConfirmationIsWrittenAsSantuarioCanonicalisesIt() throws Exception {
        Document received = inSecurityHeader(CONFIRMATION::element);

        assertThat(text(CONFIRMATION.canonical())).isEqualTo(santuario(child(received, "SignatureConfirmation")));
    }

    @Test
    void signedInfoWithAndWithoutInclusivePrefixesIsWrittenAsSantuarioCanonicalisesIt() throws Exception {
        Document received = inSecurityHeader(doc -> AnswerSecurityElements.signature(doc, SIGNED_INFO.element(doc),
                "c2lnbmF0dXJl", "X509-1f0c"));
        Element signature = child(received, "Signature");
        Element signedInfo = (Element) signature.getFirstChild();

        assertThat(text(SIGNED_INFO.canonical())).isEqualTo(santuario(signedInfo));
    }

    @Test
    void refusesAValueThatC14nWouldEscape() {
        for (String value : List.of("a&b", "a<b", "a>b", "a\"b", "a\nb", "a\tb", "a\rb", "é")) {
            assertThatThrownBy(() -> new AnswerSecurityElements.SignatureConfirmation("SC-1", value))
                    .as(value).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * The element in a Security header of an envelope that, like CXF's, declares more namespaces than it uses,
     * serialised and parsed again.
     */
    private static Document inSecurityHeader(java.util.function.Function<Document, Element> element) throws Exception {
        Document doc = SecureXml.parse(("<soap:Envelope xmlns:soap=\"" + LeanResponseSigner.SOAP11 + "\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"urn:default\"><soap:Header>"
                + "<wsse:Security xmlns:wsse=\"" + WssNames.WSSE + "\" xmlns:wsu=\""
                + WssNames.WSU + "\" soap:mustUnderstand=\"1\"/></soap:Header><soap:Body/></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
        LeanResponseSignerTest.securityHeader(doc).appendChild(element.apply(doc));
        return SecureXml.parse(LeanResponseSignerTest.serialise(doc));
    }

    private static Element child(Document doc, String localName) {
        for (Node n = LeanResponseSignerTest.securityHeader(doc).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (localName.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        throw new AssertionError("no " + localName);
    }

    private static String santuario(Element element) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(element, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
