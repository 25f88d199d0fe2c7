package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.AUTORISATIE_ONGELDIG;
import static nl.eindtoets.gateway.it.Faults.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.client.WsaHeader;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The school a request is about: {@code wsa:From ?oin=} must be a school OIN whose BRIN is the body's brincode.
 * Requests are correctly signed by las-a, which holds mandates for 99AA and 99AB, so only the identity rule refuses.
 */
class IdentityTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;

    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient las = gateway.client("las-a");
    private final int handlerCountBefore = gateway.handlers().invocations();

    @Test
    void refusesSchoolOinForAnotherBrinThanTheBody() throws Exception {
        GatewayResponse response = las.send(OP, Oin.ofSchool("99AB"), Samples.body("deelnemers-99AA"));

        SoapFaultInfo fault = assertFault(response, AUTORISATIE_ONGELDIG, "0002", true);
        assertThat(fault.faultString()).doesNotContain("99AA", "99AB");
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    @Test
    void refusesFromOinThatIsNotASchoolOin() throws Exception {
        Document envelope = las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"))
                .header(WsaHeader.FROM, Namespaces.WSA_ANONYMOUS + "?oin=00000099000000001000")
                .build();

        GatewayResponse response = las.send(OP, envelope);

        assertFault(response, AUTORISATIE_ONGELDIG, "0002", true);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    @Test
    void refusesFromWithoutOin() throws Exception {
        Document envelope = las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"))
                .header(WsaHeader.FROM, Namespaces.WSA_ANONYMOUS)
                .build();

        GatewayResponse response = las.send(OP, envelope);

        assertFault(response, AUTORISATIE_ONGELDIG, "0002", true);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    @Test
    void acceptsSchoolOinMatchingTheBodysBrin() throws Exception {
        GatewayResponse response = las.send(OP, Oin.ofSchool("99AB"), Samples.body("deelnemers-99AB"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore + 1);
    }
}
