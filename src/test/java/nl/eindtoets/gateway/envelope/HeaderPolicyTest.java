package nl.eindtoets.gateway.envelope;

import static nl.eindtoets.gateway.request.RequestFixtures.addressing;
import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.parsed;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.RequestFixtures;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    private final HeaderPolicy policy = new HeaderPolicy();

    private static GatewayRequest withHeaders(String headerBlocks) {
        return parsed(envelope(headerBlocks, leerresultatenVerzoek("99AA")), post("las-a", ""));
    }

    @Test
    void allowsTheWsSecurityAndWsAddressingHeadersOfTheProfile() {
        GatewayRequest request = withHeaders("<wsse:Security/>" + addressing(RequestFixtures.BRENG_DEELNEMERS, "99AA"));

        assertThatCode(() -> policy.apply(request)).doesNotThrowAnyException();
    }

    @Test
    void toleratesTheUwlrAutorisatieHeaderThatClassicClientsSend() {
        GatewayRequest request = withHeaders("<a:autorisatie xmlns:a='http://www.edustandaard.nl/leerresultaten/2/autorisatie'>"
                + "<a:autorisatiesleutel>x</a:autorisatiesleutel></a:autorisatie>");

        assertThatCode(() -> policy.apply(request)).doesNotThrowAnyException();
    }

    @Test
    void allowsAnEnvelopeWithoutHeaderBlocks() {
        assertThatCode(() -> policy.apply(withHeaders(""))).doesNotThrowAnyException();
    }

    @Test
    void refusesAHeaderBlockOfAnotherNamespaceWith0010() {
        GatewayRequest request = withHeaders("<wsse:Security/><x:Tracking xmlns:x='urn:vendor:tracking'>1</x:Tracking>");

        assertThatThrownBy(() -> policy.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            assertThat(f.digikoppelingCode()).isEqualTo("0010");
        });
    }

    @Test
    void refusesAHeaderBlockInTheOldWsAddressingNamespace() {
        GatewayRequest request = withHeaders("<old:Action xmlns:old='http://schemas.xmlsoap.org/ws/2004/08/addressing'>"
                + RequestFixtures.BRENG_DEELNEMERS + "</old:Action>");

        assertThatThrownBy(() -> policy.apply(request)).isInstanceOfSatisfying(GatewayFault.class,
                f -> assertThat(f.digikoppelingCode()).isEqualTo("0010"));
    }
}
