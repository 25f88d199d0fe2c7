package nl.eindtoets.gateway.addressing;

import static nl.eindtoets.gateway.request.RequestFixtures.BRENG_DEELNEMERS;
import static nl.eindtoets.gateway.request.RequestFixtures.DEELNEMERS_PATH;
import static nl.eindtoets.gateway.request.RequestFixtures.GATEWAY_OIN;
import static nl.eindtoets.gateway.request.RequestFixtures.HAAL_LEERRESULTATEN;
import static nl.eindtoets.gateway.request.RequestFixtures.addressing;
import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.parsed;
import static nl.eindtoets.gateway.request.RequestFixtures.passedWsSecurity;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static nl.eindtoets.gateway.request.RequestFixtures.schoolAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.Refusal;
import org.junit.jupiter.api.Test;

class AddressingStageTest {

    private static final String MESSAGE_ID = "urn:uuid:6b7e0c5e-8a0c-4a48-9a3e-1d2f3a4b5c6d";
    private final AddressingStage stage = new AddressingStage(
            new EndpointAddress(DEELNEMERS_PATH, BRENG_DEELNEMERS, GATEWAY_OIN));

    private static GatewayRequest request(String headers, String soapAction) {
        return passedWsSecurity(envelope(headers, leerresultatenVerzoek("99AA")), post("las-a", soapAction), "las-a");
    }

    private static GatewayRequest request(String headers) {
        return request(headers, "");
    }

    private static String to(String address) {
        return "<wsa:To>" + address + "</wsa:To>";
    }

    private static String action(String action) {
        return "<wsa:Action>" + action + "</wsa:Action>";
    }

    private static String messageId() {
        return "<wsa:MessageID>" + MESSAGE_ID + "</wsa:MessageID>";
    }

    private static String from() {
        return "<wsa:From><wsa:Address>" + schoolAddress("99AA") + "</wsa:Address></wsa:From>";
    }

    private static String validTo() {
        return to("https://gateway.example" + DEELNEMERS_PATH + "?oin=" + GATEWAY_OIN);
    }

    private void assertRefused(GatewayRequest request, String faultCode, String digikoppeling) {
        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.refusal()).isInstanceOf(Refusal.Addressing.class);
            assertThat(f.refusal().codeName()).isEqualTo(faultCode);
            assertThat(f.digikoppelingCode()).isEqualTo(digikoppeling);
        });
        assertThat(request.addressingOrNull()).isNull();
    }

    @Test
    void recordsTheHeadersOfAValidRequest() {
        GatewayRequest request = request(addressing(BRENG_DEELNEMERS, "99AA")
                + "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>");

        stage.apply(request);

        assertThat(request.state()).isEqualTo(State.ADDRESSED);
        assertThat(request.addressing()).isEqualTo(new AddressingHeaders(
                "https://gateway.example" + DEELNEMERS_PATH + "?oin=" + GATEWAY_OIN, BRENG_DEELNEMERS, MESSAGE_ID,
                schoolAddress("99AA"), "http://www.w3.org/2005/08/addressing/anonymous", null));
    }

    @Test
    void acceptsASoapActionEqualToTheActionInQuotes() {
        GatewayRequest request = request(addressing(BRENG_DEELNEMERS, "99AA"), "\"" + BRENG_DEELNEMERS + "\"");

        stage.apply(request);

        assertThat(request.addressing().action()).isEqualTo(BRENG_DEELNEMERS);
    }

    @Test
    void runsOnlyOnARequestThatPassedWsSecurity() {
        GatewayRequest request = parsed(envelope(addressing(BRENG_DEELNEMERS, "99AA"), ""), post("las-a", ""));

        assertThatThrownBy(() -> stage.apply(request)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAMissingToWith0005() {
        assertRefused(request(action(BRENG_DEELNEMERS) + messageId() + from()), "MessageAddressingHeaderRequired", "0005");
    }

    @Test
    void refusesAMissingActionWith0006() {
        assertRefused(request(validTo() + messageId() + from()), "MessageAddressingHeaderRequired", "0006");
    }

    @Test
    void refusesAMissingMessageIdWith0007() {
        assertRefused(request(validTo() + action(BRENG_DEELNEMERS) + from()), "MessageAddressingHeaderRequired", "0007");
    }

    @Test
    void refusesAMissingFromBecauseItNamesTheSchool() {
        assertRefused(request(validTo() + action(BRENG_DEELNEMERS) + messageId()), "MessageAddressingHeaderRequired", "0002");
    }

    @Test
    void refusesTheActionOfAnotherEndpoint() {
        assertRefused(request(addressing(HAAL_LEERRESULTATEN, "99AA")), "ActionNotSupported", "0003");
    }

    @Test
    void refusesASoapActionThatDiffersFromTheAction() {
        assertRefused(request(addressing(BRENG_DEELNEMERS, "99AA"), HAAL_LEERRESULTATEN), "ActionMismatch", "0003");
    }

    @Test
    void refusesAHeaderSentTwice() {
        assertRefused(request(addressing(BRENG_DEELNEMERS, "99AA") + messageId()), "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesARelatesToInARequest() {
        assertRefused(request(addressing(BRENG_DEELNEMERS, "99AA") + "<wsa:RelatesTo>urn:uuid:x</wsa:RelatesTo>"),
                "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesAToForAnotherEndpoint() {
        assertRefused(request(to("https://gateway.example/eindtoets/leerresultaten") + action(BRENG_DEELNEMERS)
                + messageId() + from()), "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesAToNamingTheOinOfAnotherSupplier() {
        assertRefused(request(to("https://gateway.example" + DEELNEMERS_PATH + "?oin=00000099000000007000")
                + action(BRENG_DEELNEMERS) + messageId() + from()), "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesAMessageIdThatIsNotAnAbsoluteUri() {
        assertRefused(request(validTo() + action(BRENG_DEELNEMERS) + "<wsa:MessageID>12345</wsa:MessageID>" + from()),
                "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesAReplyToOtherThanAnonymous() {
        assertRefused(request(addressing(BRENG_DEELNEMERS, "99AA")
                + "<wsa:ReplyTo><wsa:Address>https://attacker.example/collect</wsa:Address></wsa:ReplyTo>"),
                "InvalidAddressingHeader", "0011");
    }

    @Test
    void refusesAFaultToOtherThanAnonymous() {
        assertRefused(request(addressing(BRENG_DEELNEMERS, "99AA")
                + "<wsa:FaultTo><wsa:Address>https://attacker.example/faults</wsa:Address></wsa:FaultTo>"),
                "InvalidAddressingHeader", "0011");
    }
}
