package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/**
 * A correctly signed request from las-a over mutual TLS is accepted, and the answer is signed by the gateway with a
 * SignatureConfirmation of the request's signature and RelatesTo the request's MessageID (checked by the client's
 * ResponseVerifier, which refuses anything less).
 */
class HappyPathTest {

    private final RunningGateway gateway = RunningGateway.shared();

    @Test
    void brengDeelnemersFromMandatedLasIsAcknowledgedWithSignedReceipt() throws Exception {
        GatewayResponse response = gateway.client("las-a")
                .send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        VerifiedResponse verified = (VerifiedResponse) response;
        assertThat(verified.action()).isEqualTo("urn:eindtoets-gateway:1:BrengDeelnemersResponse");
        assertThat(verified.payload().getLocalName()).isEqualTo("deelnemers_ontvangst");
        assertThat(verified.payload().getElementsByTagNameNS("urn:eindtoets-gateway:1", "aantal_deelnemers")
                .item(0).getTextContent()).isEqualTo("4");
    }

    @Test
    void haalLeerresultatenFromMandatedLasIsAnsweredSigned() throws Exception {
        GatewayResponse response = gateway.client("las-a")
                .send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"), Samples.body("leerresultaten-99AA"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        VerifiedResponse verified = (VerifiedResponse) response;
        assertThat(verified.action()).isEqualTo("urn:eindtoets-gateway:1:HaalLeerresultatenResponse");
        assertThat(verified.payload().getLocalName()).isEqualTo("leerresultaten_antwoord");
    }
}
