package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import org.junit.jupiter.api.Test;

/**
 * The wsu:Timestamp of a 2W-be-S request: required, signed, Created no older than 300 s and no more than 60 s ahead
 * of the gateway's clock, and Expires − Created at most 600 s.
 */
class TimestampTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final Requests requests = new Requests(gateway.client("las-a"));

    @Test
    void refusesSignedRequestWithoutTimestamp() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withoutTimestamp());

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "InvalidSecurity");
    }

    @Test
    void refusesTimestampCreatedTenMinutesAgo() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withCreated(Instant.now().minus(Duration.ofMinutes(10))));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "MessageExpired");
    }

    @Test
    void refusesTimestampCreatedFiveMinutesAhead() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withCreated(Instant.now().plus(Duration.ofMinutes(5))));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "MessageExpired");
    }

    @Test
    void refusesTimestampWithTwentyMinuteLifetime() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withLifetime(Duration.ofMinutes(20)));

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(request));

        assertWsSecurityFault(response, "InvalidSecurity");
    }

    @Test
    void acceptsTimestampCreatedHalfAMinuteAgo() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withCreated(Instant.now().minusSeconds(30)));

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }

    @Test
    void acceptsTimestampCreatedSlightlyAheadWithinClockSkew() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withCreated(Instant.now().plusSeconds(20)));

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }

    @Test
    void acceptsTimestampWithTheMaximumLifetime() throws Exception {
        var request = requests.signed(SigningOptions.defaults().withLifetime(Duration.ofSeconds(600)));

        assertThat(requests.send(request)).isInstanceOf(VerifiedResponse.class);
    }
}
