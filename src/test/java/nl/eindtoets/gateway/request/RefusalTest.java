package nl.eindtoets.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.namespace.QName;
import nl.eindtoets.gateway.request.Refusal.AddressingFault;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefusalTest {

    @Test
    void aContractRefusalIsASignedServerOrClientFaultWithItsDigikoppelingNumber() {
        Refusal refusal = new Refusal.Contract(FaultCode.AUTORISATIE_ONGELDIG);

        assertThat(refusal.faultCode()).isEqualTo(new QName(Refusal.SOAP_ENV, "Client.AutorisatieOngeldig"));
        assertThat(refusal.digikoppelingCode()).isEqualTo("0002");
        assertThat(refusal.httpStatus()).isEqualTo(500);
        assertThat(refusal.signable()).isTrue();
        assertThat(refusal.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void temporaryUnavailabilityIsHttp503AndCountsAsAnError() {
        Refusal refusal = new Refusal.Contract(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);

        assertThat(refusal.httpStatus()).isEqualTo(503);
        assertThat(refusal.digikoppelingCode()).isEqualTo("0051");
        assertThat(refusal.outcome()).isEqualTo(Outcome.ERROR);
    }

    @ParameterizedTest
    @EnumSource(SecurityCheck.class)
    void aSecurityRefusalIsAnUnsignedWsseFaultWhoseTextNamesOnlyTheClassOfCheck(SecurityCheck check) {
        Refusal refusal = new Refusal.Security(check, "wss4j said: reference #id-7 digest mismatch");

        assertThat(refusal.faultCode()).isEqualTo(new QName(Refusal.WSSE, check.localName()));
        assertThat(refusal.text()).isEqualTo(check.text()).doesNotContain("id-7");
        assertThat(refusal.digikoppelingCode()).isEqualTo("0002");
        assertThat(refusal.signable()).isFalse();
        assertThat(refusal.logReason()).contains("id-7");
    }

    @Test
    void aWsseCodeOutsideTheFiveIsAnsweredAsInvalidSecurity() {
        assertThat(SecurityCheck.of(new QName(Refusal.WSSE, "UnsupportedAlgorithm")))
                .isEqualTo(SecurityCheck.INVALID_SECURITY);
        assertThat(SecurityCheck.of(new QName("urn:other", "FailedCheck"))).isEqualTo(SecurityCheck.INVALID_SECURITY);
        assertThat(SecurityCheck.of(null)).isEqualTo(SecurityCheck.INVALID_SECURITY);
        assertThat(SecurityCheck.of(new QName(Refusal.WSSE, "FailedCheck"))).isEqualTo(SecurityCheck.FAILED_CHECK);
    }

    @Test
    void anAddressingRefusalIsASignedWsaFault() {
        Refusal refusal = new Refusal.Addressing(AddressingFault.ACTION_MISMATCH, "0003", "SOAPAction wijkt af.");

        assertThat(refusal.faultCode()).isEqualTo(new QName(Refusal.WSA, "ActionMismatch"));
        assertThat(refusal.digikoppelingCode()).isEqualTo("0003");
        assertThat(refusal.signable()).isTrue();
    }

    @Test
    void anUnreadableMessageIsAnUnsignedOngeldigBerichtWithItsOwnHttpStatus() {
        Refusal refusal = new Refusal.Unreadable("Het bericht is groter dan toegestaan.", 413, "too large");

        assertThat(refusal.faultCode()).isEqualTo(new QName(Refusal.SOAP_ENV, "Client.OngeldigBericht"));
        assertThat(refusal.digikoppelingCode()).isEqualTo("0001");
        assertThat(refusal.httpStatus()).isEqualTo(413);
        assertThat(refusal.signable()).isFalse();
    }

    @Test
    void aSoap12EnvelopeIsAnUnsignedVersionMismatch() {
        Refusal refusal = new Refusal.VersionMismatch("SOAP 1.2");

        assertThat(refusal.codeName()).isEqualTo("VersionMismatch");
        assertThat(refusal.signable()).isFalse();
    }

    @Test
    void anInternalErrorTellsThePeerNothingOfItsCause() {
        Refusal refusal = new Refusal.Internal("NullPointerException in DeliveryStore");

        assertThat(refusal.faultCode()).isEqualTo(new QName(Refusal.SOAP_ENV, "Server.InterneFout"));
        assertThat(refusal.text()).doesNotContain("DeliveryStore");
        assertThat(refusal.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(refusal.signable()).isTrue();
    }

    @Test
    void aGatewayFaultCarriesItsRefusalAndExposesTheContractCodeOnlyForContractRules() {
        assertThat(new GatewayFault(FaultCode.SCHOOL_ONBEKEND).code()).isEqualTo(FaultCode.SCHOOL_ONBEKEND);
        GatewayFault security = GatewayFault.security(SecurityCheck.FAILED_CHECK, "digest");
        assertThat(security.code()).isNull();
        assertThat(security.refusal()).isInstanceOf(Refusal.Security.class);
        assertThat(security.getMessage()).isEqualTo(SecurityCheck.FAILED_CHECK.text());
    }
}
