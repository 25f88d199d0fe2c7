package nl.eindtoets.gateway.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.eindtoets.gateway.request.GatewayFault;
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
    void refusesBodyInsideHeaderBlock() throws Exception {
        assertRefused(OPEN + "<s:Header><h:x xmlns:h='urn:h'><s:Body/></h:x></s:Header><s:Body/></s:Envelope>");
    }

    @Test
    void refusesBodyInsidePayload() throws Exception {
        assertRefused(OPEN + "<s:Body><p:y xmlns:p='urn:p'><s:Body/></p:y></s:Body></s:Envelope>");
    }

    @Test
    void refusesSecondBody() throws Exception {
        assertRefused(OPEN + "<s:Body/><s:Body/></s:Envelope>");
    }

    @Test
    void refusesHeaderAfterBody() throws Exception {
        assertRefused(OPEN + "<s:Body/><s:Header/></s:Envelope>");
    }

    @Test
    void refusesNestedEnvelope() throws Exception {
        assertRefused(OPEN + "<s:Header><s:Envelope/></s:Header><s:Body/></s:Envelope>");
    }

    @Test
    void checksElementsReachedThroughNextTag() throws Exception {
        EnvelopeStructureReader reader = reader(OPEN + "<s:Header>\n  <s:Body/></s:Header><s:Body/></s:Envelope>");
        reader.nextTag();
        reader.nextTag();
        reader.nextTag();

        assertThatThrownBy(reader::requireSound).isInstanceOfSatisfying(GatewayFault.class,
                v -> assertThat(v.refusal().faultCode()).isEqualTo(FAILED_CHECK));
    }

    @Test
    void readsOnToTheEndAfterAViolationSoTheHeadersStayReadable() throws Exception {
        EnvelopeStructureReader reader = reader(OPEN + "<s:Header><h:x xmlns:h='urn:h'><s:Body/></h:x>"
                + "<a:MessageID xmlns:a='http://www.w3.org/2005/08/addressing'>urn:uuid:1</a:MessageID></s:Header>"
                + "<s:Body/></s:Envelope>");

        assertThat(count(reader)).isEqualTo(6);
        assertThat(reader.violation()).isNotNull();
    }

    @Test
    void soundEnvelopeHasNoViolation() throws Exception {
        EnvelopeStructureReader reader = reader(OPEN + "<s:Header/><s:Body/></s:Envelope>");
        count(reader);

        assertThat(reader.violation()).isNull();
        reader.requireSound();
    }

    private static void assertRefused(String xml) throws XMLStreamException {
        EnvelopeStructureReader reader = reader(xml);
        count(reader);
        assertThatThrownBy(reader::requireSound).isInstanceOfSatisfying(GatewayFault.class,
                v -> assertThat(v.refusal().faultCode()).isEqualTo(FAILED_CHECK));
    }

    private static int elementsIn(String xml) throws XMLStreamException {
        EnvelopeStructureReader reader = reader(xml);
        int elements = count(reader);
        reader.requireSound();
        return elements;
    }

    private static int count(XMLStreamReader reader) throws XMLStreamException {
        int elements = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements++;
            }
        }
        return elements;
    }

    private static EnvelopeStructureReader reader(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return new EnvelopeStructureReader(factory.createXMLStreamReader(new StringReader(xml)));
    }
}
