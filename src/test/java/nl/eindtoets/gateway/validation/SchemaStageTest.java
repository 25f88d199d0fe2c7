package nl.eindtoets.gateway.validation;

import static nl.eindtoets.gateway.request.RequestFixtures.BRENG_DEELNEMERS;
import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.passedWsSecurity;
import static nl.eindtoets.gateway.request.RequestFixtures.schoolAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaStageTest {

    private static SchemaStage stage;

    @BeforeAll
    static void loadTheContract() {
        stage = new SchemaStage(new BodyValidator(ContractSchema.load()));
    }

    /** A request that passed every stage before this one, with {@code bodyContent} in its Body. */
    private static GatewayRequest authorised(String bodyContent) {
        GatewayRequest request = passedWsSecurity(envelope("", bodyContent), "las-a");
        request.addressed(new AddressingHeaders("https://gateway/eindtoets/leerresultaten", BRENG_DEELNEMERS,
                "urn:uuid:1", schoolAddress("99AA"), null, null));
        request.identified(new RequestIdentity(new Oin("00000099000000001000"), Oin.ofSchool("99AA"), "99AA", "00",
                "urn:uuid:1"));
        request.authorised();
        return request;
    }

    private static void assertInvalid(GatewayRequest request, String digikoppeling) {
        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            assertThat(f.digikoppelingCode()).isEqualTo(digikoppeling);
        });
        assertThat(request.state()).isEqualTo(State.AUTHORISED);
    }

    @Test
    void aValidPayloadBecomesTheRequestsValidatedPayload() {
        GatewayRequest request = authorised(leerresultatenVerzoek("99AA"));

        stage.apply(request);

        assertThat(request.state()).isEqualTo(State.VALIDATED);
        assertThat(request.payload().getLocalName()).isEqualTo("leerresultaten_verzoek");
    }

    @Test
    void refusesAPayloadThatBreaksTheContractSchema() {
        assertInvalid(authorised("<gw:leerresultaten_verzoek><gw:schooljaar>2026-2027</gw:schooljaar>"
                + "<gw:brincode>99AA</gw:brincode><gw:onbekend/></gw:leerresultaten_verzoek>"), "0004");
    }

    @Test
    void refusesABodyWithTwoElementsWith0001() {
        assertInvalid(authorised(leerresultatenVerzoek("99AA") + leerresultatenVerzoek("99AA")), "0001");
    }

    @Test
    void refusesLooseTextInTheBody() {
        assertInvalid(authorised("tekst" + leerresultatenVerzoek("99AA")), "0001");
    }

    @Test
    void refusesAnEmptyBody() {
        assertInvalid(authorised("  "), "0001");
    }

    @Test
    void runsOnlyAfterTheMandateCheck() {
        GatewayRequest request = passedWsSecurity(envelope("", leerresultatenVerzoek("99AA")), "las-a");

        assertThatThrownBy(() -> stage.apply(request)).isInstanceOf(IllegalStateException.class);
    }
}
