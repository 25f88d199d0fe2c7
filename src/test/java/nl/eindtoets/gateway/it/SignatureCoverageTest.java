package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedPart;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Digikoppeling WB004: one signature covers the Body, the Timestamp and every WS-Addressing header present, each by
 * its own reference. Leaving any one of them out is a failed check, whatever else is right.
 */
class SignatureCoverageTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient client = gateway.client("las-a");
    private final Requests requests = new Requests(client);

    @ParameterizedTest(name = "{0} left unsigned")
    @EnumSource(value = SignedPart.class, names = {"BODY", "TIMESTAMP", "TO", "ACTION", "MESSAGE_ID", "FROM"})
    void refusesRequestWithOnePartLeftUnsigned(SignedPart unsigned) throws Exception {
        var request = requests.signed(SigningOptions.defaults().without(unsigned));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "FailedCheck");
    }

    @Test
    void refusesUnsignedReplyToWhenPresent() throws Exception {
        var envelope = client.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                Samples.body("deelnemers-99AA")).replyToAnonymous().build();
        var request = requests.signed(envelope, SigningOptions.defaults().without(SignedPart.REPLY_TO));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "FailedCheck");
    }

    @Test
    void acceptsSignedReplyTo() throws Exception {
        var envelope = client.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                Samples.body("deelnemers-99AA")).replyToAnonymous().build();
        var request = requests.signed(envelope, SigningOptions.defaults());

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }
}
