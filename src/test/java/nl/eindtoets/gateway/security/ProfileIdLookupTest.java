package nl.eindtoets.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class ProfileIdLookupTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static String envelope(String headers, String security, String body) {
        return "<s:Envelope xmlns:s='" + SOAP + "' xmlns:wsse='" + WSSE + "' xmlns:wsu='" + WSU + "'"
                + " xmlns:wsa='http://www.w3.org/2005/08/addressing'><s:Header>" + headers
                + "<wsse:Security>" + security + "</wsse:Security></s:Header>"
                + "<s:Body wsu:Id='body'>" + body + "</s:Body></s:Envelope>";
    }

    private static ProfileIdLookup lookup(Document doc) {
        Element envelope = doc.getDocumentElement();
        Element header = child(envelope, SOAP, "Header");
        return new ProfileIdLookup(header, child(header, WSSE, "Security"), child(envelope, SOAP, "Body"));
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void resolvesTheBodyHeaderBlocksAndSecurityHeaderChildren() throws Exception {
        Document doc = parse(envelope("<wsa:MessageID wsu:Id='mid'>m</wsa:MessageID>",
                "<wsu:Timestamp wsu:Id='ts'/><wsse:BinarySecurityToken wsu:Id='bst'/>", "<p/>"));
        ProfileIdLookup lookup = lookup(doc);

        assertThat(lookup.getElement("#body", null, true).getLocalName()).isEqualTo("Body");
        assertThat(lookup.getElement("#mid", null, true).getLocalName()).isEqualTo("MessageID");
        assertThat(lookup.getElement("#ts", null, true).getLocalName()).isEqualTo("Timestamp");
        assertThat(lookup.getElement("bst", null, true).getLocalName()).isEqualTo("BinarySecurityToken");
    }

    @Test
    void doesNotResolveAnIdInsideTheBody() throws Exception {
        Document doc = parse(envelope("", "<wsu:Timestamp wsu:Id='ts'/>", "<p><q wsu:Id='deep'/></p>"));

        assertThat(lookup(doc).getElement("#deep", null, true)).isNull();
    }

    @Test
    void doesNotResolveAnIdNestedInsideAHeaderBlock() throws Exception {
        Document doc = parse(envelope("<x:Wrapper xmlns:x='urn:x'><s:Body wsu:Id='hidden'/></x:Wrapper>",
                "<wsu:Timestamp wsu:Id='ts'/>", "<p/>"));

        assertThat(lookup(doc).getElement("#hidden", null, true)).isNull();
    }

    @Test
    void refusesAnIdThatOccursTwiceAmongTheSignablePlaces() throws Exception {
        Document doc = parse(envelope("<wsa:MessageID wsu:Id='body'>m</wsa:MessageID>",
                "<wsu:Timestamp wsu:Id='ts'/>", "<p/>"));

        assertThatThrownBy(() -> lookup(doc).getElement("#body", null, true))
                .isInstanceOf(WSSecurityException.class)
                .satisfies(e -> assertThat(((WSSecurityException) e).getErrorCode())
                        .isEqualTo(WSSecurityException.ErrorCode.FAILED_CHECK));
    }

    @Test
    void refusesAnUnqualifiedIdThatDuplicatesAWsuId() throws Exception {
        Document doc = parse(envelope("<wsa:To Id='ts'>t</wsa:To>", "<wsu:Timestamp wsu:Id='ts'/>", "<p/>"));

        assertThatThrownBy(() -> lookup(doc).getElement("#ts", null, true))
                .isInstanceOf(WSSecurityException.class);
    }
}
