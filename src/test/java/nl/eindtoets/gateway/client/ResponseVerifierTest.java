package nl.eindtoets.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.SignedResponses.Part;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ResponseVerifierTest {

    private static final String EXPECTED_ACTION = Operation.BRENG_DEELNEMERS.responseAction();
    private static ResponseVerifier verifier;
    private static SignedRequest request;

    @BeforeAll
    static void signRequest() throws Exception {
        verifier = new ResponseVerifier(DevCerts.truststore(), EindtoetsClient.GATEWAY_OIN);
        RequestSigner signer = RequestSigner.fromKeystore(DevCerts.key("las-a"));
        request = signer.sign(EnvelopeBuilder.forPayload(Payloads.leerresultatenVerzoek())
                .to(URI.create("https://localhost:8443/eindtoets/deelnemers"), EindtoetsClient.GATEWAY_OIN)
                .action(Operation.BRENG_DEELNEMERS.action())
                .from(Oin.ofSchool("99AA"))
                .build());
    }

    private static GatewayResponse verify(byte[] response) throws ResponseVerificationException {
        return verifier.verify(response, request, EXPECTED_ACTION);
    }

    @Test
    void acceptsSignedResponseThatConfirmsTheRequest() throws Exception {
        GatewayResponse response = verify(SignedResponses.answering(request).bytes());

        assertThat(response).isInstanceOfSatisfying(VerifiedResponse.class, verified -> {
            assertThat(verified.payload().getLocalName()).isEqualTo("deelnemers_ontvangst");
            assertThat(verified.action()).isEqualTo(EXPECTED_ACTION);
            assertThat(verified.relatesTo()).isEqualTo(request.messageId());
            assertThat(verified.signerOin()).isEqualTo(EindtoetsClient.GATEWAY_OIN);
            assertThat(verified.checks()).hasSize(5);
        });
    }

    @Test
    void refusesSignatureConfirmationOfAnotherSignatureValue() throws Exception {
        String other = Base64.getEncoder().encodeToString(new byte[256]);
        byte[] response = SignedResponses.answering(request).confirming(other).bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageContaining("SignatureConfirmation Value does not match");
    }

    @Test
    void refusesRelatesToOfAnotherMessage() throws Exception {
        byte[] response = SignedResponses.answering(request).relatesTo("urn:uuid:00000000-0000-0000-0000-000000000000").bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageContaining("does not match the request MessageID");
    }

    @Test
    void refusesUnsignedRelatesTo() throws Exception {
        byte[] response = SignedResponses.answering(request).leavingUnsigned(Part.RELATES_TO).bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("wsa:RelatesTo is not covered by the response signature");
    }

    @Test
    void refusesUnsignedSignatureConfirmation() throws Exception {
        byte[] response = SignedResponses.answering(request).leavingUnsigned(Part.CONFIRMATION).bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("wsse11:SignatureConfirmation is not covered by the response signature");
    }

    @Test
    void refusesUnsignedBody() throws Exception {
        byte[] response = SignedResponses.answering(request).leavingUnsigned(Part.BODY).bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("soap:Body is not covered by the response signature");
    }

    @Test
    void refusesSignedBodyMovedAsideForAnotherOne() throws Exception {
        Document doc = SignedResponses.answering(request).build();
        Element envelope = doc.getDocumentElement();
        Element header = EnvelopeBuilder.child(envelope, Namespaces.SOAP11, "Header");
        Element signedBody = EnvelopeBuilder.child(envelope, Namespaces.SOAP11, "Body");
        // Signature wrapping: the signed Body travels in a header, a forged Body takes its place.
        Element wrapper = doc.createElementNS("urn:example:wrapper", "x:Wrapper");
        header.appendChild(wrapper);
        wrapper.appendChild(signedBody);
        Element forged = (Element) signedBody.cloneNode(false);
        forged.appendChild(doc.importNode(Payloads.leerresultatenVerzoek(), true));
        envelope.appendChild(forged);
        forged.removeAttributeNS(Namespaces.WSU, "Id");

        assertThatThrownBy(() -> verify(SecureXml.toBytes(doc))).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("soap:Body is not covered by the response signature");
    }

    @Test
    void refusesBodyChangedAfterSigning() throws Exception {
        Document doc = SignedResponses.answering(request).build();
        Element count = (Element) doc.getElementsByTagNameNS(Namespaces.GATEWAY, "aantal_deelnemers").item(0);
        count.setTextContent("3");

        assertThatThrownBy(() -> verify(SecureXml.toBytes(doc))).isInstanceOf(ResponseVerificationException.class)
                .hasMessageStartingWith("WS-Security verification failed");
    }

    @Test
    void refusesResponseSignedByAnotherOrganisation() throws Exception {
        byte[] response = SignedResponses.answering(request).signedBy("las-b").bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("response signed by OIN 00000099000000003000, expected 00000099000000002000");
    }

    @Test
    void refusesResponseSignedByUntrustedCertificate() throws Exception {
        byte[] response = SignedResponses.answering(request).signedBy("las-foreign").bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageStartingWith("WS-Security verification failed");
    }

    @Test
    void refusesUnexpectedAction() throws Exception {
        byte[] response = SignedResponses.answering(request).action("urn:eindtoets-gateway:1:Iets").bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageContaining("wsa:Action is 'urn:eindtoets-gateway:1:Iets'");
    }

    @Test
    void refusesUnsignedResponse() throws Exception {
        Document doc = SignedResponses.answering(request).build();
        Element header = EnvelopeBuilder.child(doc.getDocumentElement(), Namespaces.SOAP11, "Header");
        header.removeChild(EnvelopeBuilder.child(header, Namespaces.WSSE, "Security"));

        assertThatThrownBy(() -> verify(SecureXml.toBytes(doc))).isInstanceOf(ResponseVerificationException.class)
                .hasMessage("response is not signed (no wsse:Security header)");
    }

    @Test
    void readsUnsignedFaultWithItsDetail() throws Exception {
        byte[] response = SignedResponses.unsignedFault(Payloads.fault("wsse:FailedCheck",
                "De beveiliging van het bericht is ongeldig.", "0001", "c0ffee"));

        GatewayResponse result = verify(response);

        assertThat(result).isInstanceOfSatisfying(SoapFaultInfo.class, fault -> {
            assertThat(fault.faultCode()).isEqualTo(new QName(Namespaces.WSSE, "FailedCheck"));
            assertThat(fault.faultCodeDisplay()).isEqualTo("wsse:FailedCheck");
            assertThat(fault.faultString()).isEqualTo("De beveiliging van het bericht is ongeldig.");
            assertThat(fault.digikoppelingCode()).isEqualTo("0001");
            assertThat(fault.correlationId()).isEqualTo("c0ffee");
            assertThat(fault.signed()).isFalse();
        });
    }

    @Test
    void verifiesSignedFault() throws Exception {
        Element fault = Payloads.fault("soap:Client.AutorisatieOngeldig",
                "Afzender is niet geautoriseerd voor deze school.", "0002", "4f1c");
        byte[] response = SignedResponses.answering(request)
                .action("http://www.w3.org/2005/08/addressing/soap/fault").payload(fault).bytes();

        GatewayResponse result = verify(response);

        assertThat(result).isInstanceOfSatisfying(SoapFaultInfo.class, info -> {
            assertThat(info.faultCode()).isEqualTo(new QName(Namespaces.SOAP11, "Client.AutorisatieOngeldig"));
            assertThat(info.faultCodeDisplay()).isEqualTo("Client.AutorisatieOngeldig");
            assertThat(info.digikoppelingCode()).isEqualTo("0002");
            assertThat(info.signed()).isTrue();
        });
    }

    @Test
    void refusesSignedFaultThatConfirmsAnotherRequest() throws Exception {
        Element fault = Payloads.fault("soap:Server.InterneFout", "Er is een interne fout opgetreden.", "", "1");
        byte[] response = SignedResponses.answering(request).payload(fault)
                .confirming(Base64.getEncoder().encodeToString(new byte[256])).bytes();

        assertThatThrownBy(() -> verify(response)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageContaining("SignatureConfirmation");
    }

    @Test
    void refusesWhatIsNotXml() {
        assertThatThrownBy(() -> verify("<html>413".getBytes())).isInstanceOf(ResponseVerificationException.class)
                .hasMessageStartingWith("response is not well-formed XML");
    }

    @Test
    void refusesDoctypeInResponse() {
        byte[] xml = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e "boom">]>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&e;</soap:Body></soap:Envelope>
                """.strip().getBytes();

        assertThatThrownBy(() -> verify(xml)).isInstanceOf(ResponseVerificationException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
