package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.SOAP11;
import static nl.eindtoets.gateway.client.Namespaces.WSA;
import static nl.eindtoets.gateway.client.Namespaces.WSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EnvelopeBuilderTest {

    private static final URI ENDPOINT = URI.create("https://localhost:8443/eindtoets/deelnemers");

    private static EnvelopeBuilder correct() throws Exception {
        return EnvelopeBuilder.forPayload(Payloads.leerresultatenVerzoek())
                .to(ENDPOINT, EindtoetsClient.GATEWAY_OIN)
                .action(Operation.BRENG_DEELNEMERS.action())
                .from(Oin.ofSchool("99AA"));
    }

    private static Element header(Document doc, String name) {
        Element header = EnvelopeBuilder.child(doc.getDocumentElement(), SOAP11, "Header");
        return EnvelopeBuilder.child(header, WSA, name);
    }

    @Test
    void writesTheEdukoppelingAddressingHeaders() throws Exception {
        Document doc = correct().build();

        assertThat(header(doc, "To").getTextContent())
                .isEqualTo("https://localhost:8443/eindtoets/deelnemers?oin=00000099000000002000");
        assertThat(header(doc, "Action").getTextContent()).isEqualTo("urn:eindtoets-gateway:1:BrengDeelnemers");
        assertThat(header(doc, "MessageID").getTextContent()).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(EnvelopeBuilder.child(header(doc, "From"), WSA, "Address").getTextContent())
                .isEqualTo("http://www.w3.org/2005/08/addressing/anonymous?oin=0000000700099AA00000");
        assertThat(header(doc, "ReplyTo")).isNull();
    }

    @Test
    void givesEveryHeaderAndTheBodyAWsuId() throws Exception {
        Document doc = correct().replyToAnonymous().build();

        for (String name : new String[] {"To", "Action", "MessageID", "From", "ReplyTo"}) {
            assertThat(header(doc, name).getAttributeNS(WSU, "Id")).as(name).isNotEmpty();
        }
        Element body = EnvelopeBuilder.child(doc.getDocumentElement(), SOAP11, "Body");
        assertThat(body.getAttributeNS(WSU, "Id")).isNotEmpty();
        assertThat(EnvelopeBuilder.child(body, Namespaces.GATEWAY, "leerresultaten_verzoek")).isNotNull();
    }

    @Test
    void usesAFreshMessageIdEachTime() throws Exception {
        EnvelopeBuilder builder = correct();

        assertThat(header(builder.build(), "MessageID").getTextContent())
                .isNotEqualTo(header(builder.build(), "MessageID").getTextContent());
    }

    @Test
    void omitsHeadersOnRequest() throws Exception {
        Document doc = correct().omit(WsaHeader.MESSAGE_ID, WsaHeader.TO).build();

        assertThat(header(doc, "MessageID")).isNull();
        assertThat(header(doc, "To")).isNull();
        assertThat(header(doc, "Action")).isNotNull();
    }

    @Test
    void takesArbitraryValuesForNegativeTests() throws Exception {
        Document doc = correct().action("urn:eindtoets-gateway:1:Verkeerd")
                .header(WsaHeader.FROM, "http://www.w3.org/2005/08/addressing/anonymous?oin=0000000700099AB00000")
                .build();

        assertThat(header(doc, "Action").getTextContent()).isEqualTo("urn:eindtoets-gateway:1:Verkeerd");
        assertThat(header(doc, "From").getTextContent()).endsWith("oin=0000000700099AB00000");
    }

    @Test
    void completesAGivenEnvelopeOnlyWhereHeadersAreMissing() throws Exception {
        byte[] partial = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://www.w3.org/2005/08/addressing">
                  <s:Header><a:MessageID>urn:uuid:6a1d0e52-0000-4000-8000-000000000001</a:MessageID></s:Header>
                  <s:Body><gw:leerresultaten_verzoek xmlns:gw="urn:eindtoets-gateway:1"/></s:Body>
                </s:Envelope>""".getBytes(StandardCharsets.UTF_8);

        Document doc = EnvelopeBuilder.forXml(partial).to(ENDPOINT, EindtoetsClient.GATEWAY_OIN)
                .action(Operation.BRENG_DEELNEMERS.action()).from(Oin.ofSchool("99AA")).build();

        assertThat(header(doc, "MessageID").getTextContent()).isEqualTo("urn:uuid:6a1d0e52-0000-4000-8000-000000000001");
        assertThat(header(doc, "MessageID").getAttributeNS(WSU, "Id")).isNotEmpty();
        assertThat(header(doc, "To")).isNotNull();
        assertThat(header(doc, "Action")).isNotNull();
        assertThat(header(doc, "From")).isNotNull();
    }

    @Test
    void treatsANonEnvelopeDocumentAsTheBodyPayload() throws Exception {
        Document doc = EnvelopeBuilder.forXml(SecureXml.toBytes(Payloads.leerresultatenVerzoek()))
                .to(ENDPOINT, null).action("a").from(Oin.ofSchool("99AA")).build();

        Element body = EnvelopeBuilder.child(doc.getDocumentElement(), SOAP11, "Body");
        assertThat(EnvelopeBuilder.child(body, Namespaces.GATEWAY, "leerresultaten_verzoek")).isNotNull();
        assertThat(header(doc, "To").getTextContent()).isEqualTo(ENDPOINT.toString());
    }

    @Test
    void refusesToGuessAMissingAction() throws Exception {
        EnvelopeBuilder builder = EnvelopeBuilder.forPayload(Payloads.leerresultatenVerzoek())
                .to(ENDPOINT, null).from(Oin.ofSchool("99AA"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("wsa:Action");
    }

    @Test
    void refusesPayloadWithDoctype() {
        byte[] xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EnvelopeBuilder.forXml(xml)).hasMessageContaining("DOCTYPE");
    }
}
