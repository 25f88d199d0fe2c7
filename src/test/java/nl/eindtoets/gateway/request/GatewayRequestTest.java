package nl.eindtoets.gateway.request;

import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.identified;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.parsed;
import static nl.eindtoets.gateway.request.RequestFixtures.passedWsSecurity;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static nl.eindtoets.gateway.request.RequestFixtures.received;
import static nl.eindtoets.gateway.request.RequestFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.GatewayRequest.State;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {

    private static final String ENVELOPE = envelope("", leerresultatenVerzoek("99AA"));

    @Test
    void startsAsReceivedWithNothingEstablished() {
        GatewayRequest request = received(post("las-a", ""));

        assertThat(request.state()).isEqualTo(State.RECEIVED);
        assertThat(request.documentOrNull()).isNull();
        assertThat(request.hasPassedWsSecurity()).isFalse();
        assertThat(request.isAuthorised()).isFalse();
    }

    @Test
    void readingAFindingThatWasNotEstablishedFailsClosed() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));

        assertThatThrownBy(request::signature).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("verified signature");
        assertThatThrownBy(request::addressing).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(request::identity).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(request::payload).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFindingIsEstablishedOnlyOnce() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));
        request.signatureVerified(signature("las-a"));

        assertThatThrownBy(() -> request.signatureVerified(signature("las-b")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already established");
        assertThat(request.signature().signer()).isEqualTo(RequestFixtures.certificate("las-a"));
    }

    @Test
    void aVerifiedSignatureAloneIsNotPassingWsSecurity() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));
        request.signatureVerified(signature("las-a"));

        assertThat(request.state()).isEqualTo(State.SIGNATURE_VERIFIED);
        assertThat(request.hasPassedWsSecurity()).isFalse();
        assertThat(request.answerIsSigned()).isFalse();
    }

    @Test
    void passingWsSecurityRequiresAVerifiedSignature() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));

        assertThatThrownBy(request::passedWsSecurity).isInstanceOf(IllegalStateException.class);
        assertThat(request.hasPassedWsSecurity()).isFalse();
    }

    @Test
    void addressingHeadersAreAcceptedOnlyAfterWsSecurity() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));
        request.signatureVerified(signature("las-a"));

        assertThatThrownBy(() -> request.addressed(new AddressingHeaders("to", "a", "m", "f", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WS-Security");
    }

    @Test
    void aPayloadIsValidatedOnlyAfterTheMandateCheck() {
        GatewayRequest request = identified("99AA");

        assertThatThrownBy(() -> request.validated(request.document().payload()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mandate");
        assertThat(request.state()).isEqualTo(State.IDENTIFIED);
    }

    @Test
    void thePayloadIsHandedOutOnlyOnceEveryStagePassed() {
        GatewayRequest request = identified("99AA");
        request.authorised();
        assertThatThrownBy(request::payload).isInstanceOf(IllegalStateException.class);

        request.validated(request.document().payload());

        assertThat(request.state()).isEqualTo(State.VALIDATED);
        assertThat(request.payload()).isSameAs(request.document().payload());
    }

    @Test
    void answersToARequestThatPassedWsSecurityAreSigned() {
        GatewayRequest request = passedWsSecurity(ENVELOPE, "las-a");

        assertThat(request.answerIsSigned()).isTrue();
        assertThat(request.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aContractRefusalAfterWsSecurityIsSigned() {
        GatewayRequest request = passedWsSecurity(ENVELOPE, "las-a");
        request.refused(new Refusal.Contract(FaultCode.AUTORISATIE_ONGELDIG));

        assertThat(request.answerIsSigned()).isTrue();
        assertThat(request.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aWsSecurityRefusalIsNeverSigned() {
        GatewayRequest request = passedWsSecurity(ENVELOPE, "las-a");
        request.refused(new Refusal.Security(Refusal.SecurityCheck.INVALID_SECURITY, "replayed"));

        assertThat(request.answerIsSigned()).isFalse();
    }

    @Test
    void aRefusalBeforeWsSecurityIsNotSigned() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));
        request.refused(new Refusal.Contract(FaultCode.ONGELDIG_BERICHT));

        assertThat(request.answerIsSigned()).isFalse();
    }

    @Test
    void anInternalErrorCountsAsErrorNotRefusal() {
        GatewayRequest request = passedWsSecurity(ENVELOPE, "las-a");
        request.refused(new Refusal.Internal("database down"));

        assertThat(request.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void theBodyDigestIsThatOfThePayload() {
        GatewayRequest request = parsed(ENVELOPE, post("las-a", ""));

        assertThat(request.bodyDigestOrNull()).isEqualTo(BodyDigest.of(request.document().payload()));
    }

    @Test
    void thereIsNoBodyDigestBeforeParsingOrWithoutAPayload() {
        assertThat(received(post("las-a", "")).bodyDigestOrNull()).isNull();
        assertThat(parsed(envelope("", ""), post("las-a", "")).bodyDigestOrNull()).isNull();
    }

    @Test
    void enlistedWritesAreKeptInOrderUntilDiscarded() {
        GatewayRequest request = received(post("las-a", ""));
        DurableWrite replay = c -> { };
        DurableWrite decision = c -> { };

        request.enlist(replay);
        request.enlist(decision);
        assertThat(request.enlistedWrites()).containsExactly(replay, decision);

        request.discardEnlistedWrites();
        assertThat(request.enlistedWrites()).isEmpty();
    }

    @Test
    void nothingIsEnlistedOnceTheRequestsTransactionIsCommitted() {
        GatewayRequest request = received(post("las-a", ""));
        request.committed();

        assertThat(request.isCommitted()).isTrue();
        assertThatThrownBy(() -> request.enlist(c -> { })).isInstanceOf(IllegalStateException.class);
    }
}
