package nl.eindtoets.gateway.identity;

import static nl.eindtoets.gateway.request.RequestFixtures.BRENG_DEELNEMERS;
import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.passedWsSecurity;
import static nl.eindtoets.gateway.request.RequestFixtures.schoolAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestFixtures;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.junit.jupiter.api.Test;

class IdentityStageTest {

    private static final String LAS_A = "00000099000000001000";
    private static final String MESSAGE_ID = "urn:uuid:1";

    /** The school of a leerresultaten_verzoek is the payload element itself. */
    private final IdentityStage stage = new IdentityStage(List.of());

    private static GatewayRequest request(String body, String tlsParty, String signerParty, String fromAddress) {
        GatewayRequest request = passedWsSecurity(envelope("", body), tlsParty, signerParty);
        request.addressed(new AddressingHeaders("https://gateway/eindtoets/deelnemers", BRENG_DEELNEMERS, MESSAGE_ID,
                fromAddress, null, null));
        return request;
    }

    private static GatewayRequest request(String brinInBody, String fromBrin) {
        return request(leerresultatenVerzoek(brinInBody), "las-a", "las-a", schoolAddress(fromBrin));
    }

    private void assertNotAuthorised(GatewayRequest request) {
        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class,
                f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
        assertThat(request.identityOrNull()).isNull();
    }

    @Test
    void identifiesTheSignerTheSchoolAndTheMessage() {
        GatewayRequest request = request("99AA", "99AA");

        stage.apply(request);

        assertThat(request.state()).isEqualTo(State.IDENTIFIED);
        assertThat(request.identity()).isEqualTo(
                new RequestIdentity(new Oin(LAS_A), Oin.ofSchool("99AA"), "99AA", "00", MESSAGE_ID));
    }

    @Test
    void readsTheSchoolAtTheConfiguredPathInTheBody() {
        String uwlr = "http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens";
        IdentityStage deelnemers = new IdentityStage(List.of(new QName(uwlr, "school")));
        GatewayRequest request = request("<l:leerlinggegevens xmlns:l='" + uwlr + "'><l:school><l:brincode>99AB</l:brincode>"
                + "<l:dependancecode>01</l:dependancecode></l:school></l:leerlinggegevens>", "las-a", "las-a",
                schoolAddress("99AB"));

        deelnemers.apply(request);

        assertThat(request.identity().brin()).isEqualTo("99AB");
        assertThat(request.identity().dependancecode()).isEqualTo("01");
    }

    @Test
    void refusesASignerOtherThanTheTlsClient() {
        assertNotAuthorised(request(leerresultatenVerzoek("99AA"), "las-a", "las-b", schoolAddress("99AA")));
    }

    @Test
    void refusesASignerCertificateWithoutOin() {
        assertNotAuthorised(request(leerresultatenVerzoek("99AA"), "las-no-oin", "las-no-oin", schoolAddress("99AA")));
    }

    @Test
    void refusesASignerCertificateWithAMalformedOin() {
        assertNotAuthorised(request(leerresultatenVerzoek("99AA"), "las-bad-oin", "las-bad-oin", schoolAddress("99AA")));
    }

    @Test
    void refusesAFromWithoutASchoolOin() {
        assertNotAuthorised(request(leerresultatenVerzoek("99AA"), "las-a", "las-a",
                RequestFixtures.ANONYMOUS + "?oin=" + LAS_A));
        assertNotAuthorised(request(leerresultatenVerzoek("99AA"), "las-a", "las-a", RequestFixtures.ANONYMOUS));
    }

    @Test
    void refusesABodyAboutAnotherSchoolThanTheOneInFrom() {
        assertNotAuthorised(request("99AB", "99AA"));
    }

    @Test
    void refusesABodyWithoutBrincodeAsInvalidWith0004() {
        GatewayRequest request = request("<gw:leerresultaten_verzoek><gw:schooljaar>2026-2027</gw:schooljaar>"
                + "</gw:leerresultaten_verzoek>", "las-a", "las-a", schoolAddress("99AA"));

        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            assertThat(f.digikoppelingCode()).isEqualTo("0004");
        });
    }

    @Test
    void runsOnlyAfterTheAddressingStage() {
        GatewayRequest request = passedWsSecurity(envelope("", leerresultatenVerzoek("99AA")), "las-a");

        assertThatThrownBy(() -> stage.apply(request)).isInstanceOf(IllegalStateException.class);
    }
}
