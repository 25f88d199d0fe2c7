package nl.eindtoets.gateway.edge;

import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static nl.eindtoets.gateway.request.RequestFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;

class SignerRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** One request per second per LAS, in bursts of two. */
    private final SignerRateLimiter limiter = new SignerRateLimiter(1.0, 2, nanos::get);

    private void send(String tlsParty) {
        limiter.apply(received(post(tlsParty, "")));
    }

    @Test
    void letsABurstThroughAndRefusesTheNextWith0051() {
        send("las-a");
        send("las-a");

        assertThatThrownBy(() -> send("las-a")).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
            assertThat(f.digikoppelingCode()).isEqualTo("0051");
        });
    }

    @Test
    void aBusyLasDoesNotSlowDownAnother() {
        send("las-a");
        send("las-a");

        assertThatCode(() -> send("las-b")).doesNotThrowAnyException();
    }

    @Test
    void refillsAtTheConfiguredRate() {
        send("las-a");
        send("las-a");

        nanos.addAndGet(1_000_000_000L);

        assertThatCode(() -> send("las-a")).doesNotThrowAnyException();
        assertThatThrownBy(() -> send("las-a")).isInstanceOf(GatewayFault.class);
    }

    @Test
    void leavesARequestWithoutAttributableOinToTheLaterStages() {
        // No OIN to attribute the request to: the identity stage refuses it, the limiter does not count it.
        assertThatCode(() -> {
            for (int i = 0; i < 5; i++) {
                send("las-no-oin");
                send(null);
            }
        }).doesNotThrowAnyException();
    }
}
