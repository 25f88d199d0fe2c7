package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.xml.SecureXml;

/**
 * What a refusal must look like on the wire: the exact faultcode QName, the Digikoppeling number and a correlation id
 * in {@code gw:foutdetail}, and a signature exactly when the request had passed WS-Security.
 */
final class Faults {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private Faults() {
    }

    static QName soap(String localName) {
        return new QName(Namespaces.SOAP11, localName);
    }

    static QName wsa(String localName) {
        return new QName(Namespaces.WSA, localName);
    }

    static final QName ONGELDIG_BERICHT = soap("Client.OngeldigBericht");
    static final QName AUTORISATIE_ONGELDIG = soap("Client.AutorisatieOngeldig");
    static final QName TIJDELIJK_NIET_BESCHIKBAAR = soap("Server.TijdelijkNietBeschikbaar");
    static final QName VERSION_MISMATCH = soap("VersionMismatch");
    static final QName HEADER_REQUIRED = wsa("MessageAddressingHeaderRequired");
    static final QName INVALID_HEADER = wsa("InvalidAddressingHeader");
    static final QName ACTION_NOT_SUPPORTED = wsa("ActionNotSupported");
    static final QName ACTION_MISMATCH = wsa("ActionMismatch");

    /** Asserts that {@code response} is the fault described; a signed fault has been verified like any answer. */
    static SoapFaultInfo assertFault(GatewayResponse response, QName code, String digikoppelingCode, boolean signed) {
        assertThat(response).as("the gateway's answer").isInstanceOf(SoapFaultInfo.class);
        SoapFaultInfo fault = (SoapFaultInfo) response;
        assertThat(fault.faultCode()).as("faultcode (faultstring: %s)", fault.faultString()).isEqualTo(code);
        assertThat(fault.digikoppelingCode()).as("digikoppelingcode").isEqualTo(digikoppelingCode);
        assertThat(fault.correlationId()).as("correlatieid").matches(UUID_PATTERN);
        assertThat(fault.faultString()).as("faultstring").isNotBlank();
        assertThat(fault.signed()).as("fault signed").isEqualTo(signed);
        return fault;
    }

    /**
     * Verifies an answer to {@code request} (signature, SignatureConfirmation) expecting {@code relatesTo} in
     * {@code wsa:RelatesTo}: for requests whose MessageID is missing or ambiguous.
     */
    static GatewayResponse verifiedRelatingTo(HttpResult http, SignedRequest request, String relatesTo)
            throws Exception {
        return verifier().verify(SecureXml.parse(http.body()), request.signatureValue(), relatesTo, null);
    }

    /** The {@code wsa:RelatesTo} of an answer, read without verifying it. */
    static String relatesTo(HttpResult http) throws Exception {
        var list = SecureXml.parse(http.body()).getElementsByTagNameNS(Namespaces.WSA, "RelatesTo");
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }

    /**
     * Reads an answer that cannot be verified against a signed request (the request was never signed, or is not a
     * SOAP 1.1 request): only an unsigned fault is accepted; a signed answer fails verification here.
     */
    static GatewayResponse unsignedAnswer(HttpResult http) throws Exception {
        return verifier().verify(SecureXml.parse(http.body()), "", null, null);
    }

    private static ResponseVerifier verifier() throws Exception {
        return new ResponseVerifier(RunningGateway.truststore().load(), EindtoetsClient.GATEWAY_OIN);
    }
}
