package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Fault envelope rules of the contract (README, "Faults"): the WS-Addressing fault Action, and no signature after a WS-Security failure. */
class FaultEnvelopeTest {

    private final RunningGateway gateway = RunningGateway.shared();

    @Test
    void faultAnswerCarriesTheWsAddressingFaultAction() throws Exception {
        EindtoetsClient client = gateway.client("las-a");
        SignedRequest request = client.signer().sign(client.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AC"),
                Samples.body("deelnemers-99AC")).build());

        HttpResult answer = client.exchange(Operation.BRENG_DEELNEMERS, request).http();

        Document doc = SecureXml.parse(answer.body());
        assertThat(doc.getElementsByTagName("faultcode").item(0).getTextContent()).endsWith("Client.AutorisatieOngeldig");
        assertThat(doc.getElementsByTagNameNS(Namespaces.WSA, "Action").item(0).getTextContent())
                .isEqualTo("http://www.w3.org/2005/08/addressing/soap/fault");
    }

    @Test
    void replayFaultIsNotSignedBecauseTheRequestFailedWsSecurity() throws Exception {
        EindtoetsClient client = gateway.client("las-a");
        SignedRequest request = client.signer().sign(client.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                Samples.body("deelnemers-99AA")).build());
        client.exchange(Operation.BRENG_DEELNEMERS, request);

        HttpResult replay = client.exchange(Operation.BRENG_DEELNEMERS, request).http();

        String body = new String(replay.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("InvalidSecurity");
        assertThat(SecureXml.parse(replay.body()).getElementsByTagNameNS(Namespaces.DS, "Signature").getLength())
                .as("a fault for a request that failed WS-Security is not signed").isZero();
    }
}
