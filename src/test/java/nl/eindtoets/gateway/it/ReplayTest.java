package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A signed message is accepted once within its lifetime: the same bytes again are a replay. A LAS that resends signs
 * again (fresh Timestamp, new signature value), which is a new message for this layer even with the same MessageID.
 */
class ReplayTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final Requests requests = new Requests(gateway.client("las-a"));

    @Test
    void refusesExactReplayOfAcceptedMessage() throws Exception {
        var request = requests.signed(SigningOptions.defaults());
        byte[] bytes = request.toBytes();
        int before = gateway.handlers().invocations();

        GatewayResponse first = requests.send(request, bytes);
        GatewayResponse second = requests.send(request, bytes);

        assertThat(first).isInstanceOf(VerifiedResponse.class);
        assertWsSecurityFault(second, "InvalidSecurity");
        assertThat(gateway.handlers().invocations()).as("handler invocations").isEqualTo(before + 1);
    }

    @Test
    void refusesReplayWhoseSignatureValueIsReencoded() throws Exception {
        var request = requests.signed(SigningOptions.defaults());
        Document altered = (Document) request.document().cloneNode(true);
        Element value = (Element) altered.getElementsByTagNameNS(Namespaces.DS, "SignatureValue").item(0);
        // Line breaks in base64 change the bytes on the wire, not the signature value (nor what is signed).
        value.setTextContent(value.getTextContent().strip().replaceAll("(.{64})", "$1\n"));
        int before = gateway.handlers().invocations();

        GatewayResponse first = requests.send(request);
        GatewayResponse second = requests.send(request, SecureXml.toBytes(altered));

        assertThat(first).isInstanceOf(VerifiedResponse.class);
        assertWsSecurityFault(second, "InvalidSecurity");
        assertThat(gateway.handlers().invocations()).as("handler invocations").isEqualTo(before + 1);
    }

    @Test
    void acceptsResignedResendWithSameMessageId() throws Exception {
        Document envelope = requests.envelope();
        var original = requests.signed(envelope, SigningOptions.defaults());
        var resend = requests.signed(envelope, SigningOptions.defaults());
        assertThat(resend.messageId()).isEqualTo(original.messageId());
        assertThat(resend.signatureValue()).isNotEqualTo(original.signatureValue());
        int before = gateway.handlers().invocations();

        GatewayResponse first = requests.send(original);
        GatewayResponse second = requests.send(resend);

        assertThat(first).isInstanceOf(VerifiedResponse.class);
        assertThat(second).isInstanceOf(VerifiedResponse.class);
        assertThat(((VerifiedResponse) second).relatesTo()).isEqualTo(original.messageId());
        assertThat(gateway.handlers().invocations()).as("handler invocations").isEqualTo(before + 2);
    }
}
