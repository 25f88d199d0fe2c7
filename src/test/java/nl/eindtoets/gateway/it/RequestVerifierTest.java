package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wss.request-verifier} chooses the stage that verifies requests: the lean verifier (the default, which every
 * other end-to-end test runs on) or WSS4J's engine. Either one, in a running gateway, acknowledges a signed request
 * and refuses one changed after signing.
 */
class RequestVerifierTest {

    @ParameterizedTest(name = "wss.request-verifier={0}")
    @ValueSource(strings = {"lean", "wss4j"})
    void eachVerifierAcknowledgesASignedRequestAndRefusesOneChangedAfterSigning(String verifier) throws Exception {
        RunningGateway gateway = RunningGateway.start(Map.of("wss.request-verifier", verifier));
        try {
            Requests requests = new Requests(gateway.client("las-a"));

            assertThat(requests.send(requests.signed(SigningOptions.defaults()))).isInstanceOf(VerifiedResponse.class);
            assertWsSecurityFault(withoutHandlerCall(gateway, requests::sendWithSurnameChangedAfterSigning),
                    "FailedCheck");
        } finally {
            gateway.close();
        }
    }

    @Test
    void refusesToStartWithAnUnknownVerifier() {
        assertThatThrownBy(() -> RunningGateway.start(Map.of("wss.request-verifier", "fast")))
                .hasStackTraceContaining("wss.request-verifier must be lean or wss4j, not fast");
    }
}
