package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.SecurityHeaderLayout;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The shape of the WS-Security header: it must be there, signed with RSA-SHA256 (or stronger) over SHA-2 digests;
 * the order of its children is free (Lax).
 */
class SignatureProfileTest {

    private static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private final RunningGateway gateway = RunningGateway.shared();
    private final Requests requests = new Requests(gateway.client("las-a"));

    @Test
    void refusesRequestWithoutSecurityHeader() throws Exception {
        Document unsigned = requests.envelope();
        var signedTwin = requests.signed(unsigned, SigningOptions.defaults());

        GatewayResponse response = withoutHandlerCall(gateway,
                () -> requests.send(signedTwin, SecureXml.toBytes(unsigned)));

        assertWsSecurityFault(response, "InvalidSecurity");
    }

    @Test
    void refusesRsaSha1Signature() throws Exception {
        var request = requests.signed(SigningOptions.defaults()
                .withAlgorithms(SigningOptions.RSA_SHA1, SigningOptions.SHA256));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "InvalidSecurity");
    }

    @Test
    void refusesSha1Digests() throws Exception {
        var request = requests.signed(SigningOptions.defaults()
                .withAlgorithms(SigningOptions.RSA_SHA256, SigningOptions.SHA1));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "InvalidSecurity");
    }

    @Test
    void refusesSignatureWhoseReferencedTokenIsNotInTheMessage() throws Exception {
        var request = requests.signed(SigningOptions.defaults());
        Document document = request.document();
        var tokens = document.getElementsByTagNameNS(WSSE_NS, "BinarySecurityToken");
        assertThat(tokens.getLength()).as("the signer's certificate travels as a BinarySecurityToken").isEqualTo(1);
        tokens.item(0).getParentNode().removeChild(tokens.item(0));

        GatewayResponse response = withoutHandlerCall(gateway,
                () -> requests.send(request, SecureXml.toBytes(document)));

        assertWsSecurityFault(response, "SecurityTokenUnavailable");
    }

    @Test
    void acceptsSecurityHeaderWithTimestampLast() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withLayout(SecurityHeaderLayout.TIMESTAMP_LAST));

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }

    @Test
    void acceptsSecurityHeaderWithSignatureBeforeItsToken() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withLayout(SecurityHeaderLayout.SIGNATURE_FIRST));

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }
}
