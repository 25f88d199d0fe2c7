package nl.eindtoets.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.eindtoets.gateway.security.SecurityRuleViolation;
import org.junit.jupiter.api.Test;

class EnvelopeStructureReaderTest {

    private static final String OPEN = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'>";
    private static final QName FAILED_CHECK = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "FailedCheck");

    @Test
    void passesEnvelopeWithHeaderAndBody() throws Exception {
        assertThat(elementsIn(OPEN + "<s:Header><h:x xmlns:h='urn:h'/></s:Header><s:Body><p:y xmlns:p='urn:p'>t</p:y>"
                + "</s:Body><t:after xmlns:t='urn:t'/></s:Envelope>")).isEqualTo(6);
    }

    @Test
    void refusesBodyInsideHeaderBlock() {
        assertRefused(OPEN + "<s:Header><h:x xmlns:h='urn:h'><s:Body/></h:x></s:Header><s:Body/></s:Envelope>");
    }

    @Test
    void refusesBodyInsidePayload() {
        assertRefused(OPEN + "<s:Body><p:y xmlns:p='urn:p'><s:Body/></p:y></s:Body></s:Envelope>");
    }

    @Test
    void refusesSecondBody() {
        assertRefused(OPEN + "<s:Body/><s:Body/></s:Envelope>");
    }

    @Test
    void refusesHeaderAfterBody() {
        assertRefused(OPEN + "<s:Body/><s:Header/></s:Envelope>");
    }

    @Test
    void refusesNestedEnvelope() {
        assertRefused(OPEN + "<s:Header><s:Envelope/></s:Header><s:Body/></s:Envelope>");
    }

    @Test
    void checksElementsReachedThroughNextTag() throws Exception {
        XMLStreamReader reader = reader(OPEN + "<s:Header>\n  <s:Body/></s:Header><s:Body/></s:Envelope>");
        reader.nextTag();
        reader.nextTag();

        assertThatThrownBy(reader::nextTag).isInstanceOfSatisfying(SecurityRuleViolation.class,
                v -> assertThat(v.faultCode()).isEqualTo(FAILED_CHECK));
    }

    private static void assertRefused(String xml) {
        assertThatThrownBy(() -> elementsIn(xml)).isInstanceOfSatisfying(SecurityRuleViolation.class,
                v -> assertThat(v.faultCode()).isEqualTo(FAILED_CHECK));
    }

    private static int elementsIn(String xml) throws XMLStreamException {
        XMLStreamReader reader = reader(xml);
        int elements = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements++;
            }
        }
        return elements;
    }

    private static XMLStreamReader reader(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return new EnvelopeStructureReader(factory.createXMLStreamReader(new StringReader(xml)));
    }
}
