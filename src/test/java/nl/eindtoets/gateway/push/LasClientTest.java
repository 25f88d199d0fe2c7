package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one POST to a LAS may cost at most: the whole exchange is bounded in time and the answer in size. */
class LasClientTest {

    private static final Oin LAS_A = new Oin("00000099000000001000");
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofSeconds(1);
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private ScriptedLas las;

    /** The gateway's real key and trust (certs-dev), as the sender uses them. */
    private static LasClient client() {
        SecuritySettings security = SecuritySettings.from(GatewayConfig.defaults(Map.of()));
        return new LasClient(new GatewayKey(security).clientKeyManager(),
                new ReloadingTrust(security, Clock.systemUTC(), ReloadingTrust.NONE), CONNECT, READ);
    }

    @AfterEach
    void stop() {
        if (las != null) {
            las.close();
        }
    }

    @Test
    void aLasThatStallsAfterItsHeadersIsCutOffAfterTheConnectAndReadTimeout() {
        las = ScriptedLas.stallingAfterHeaders(202);
        LasClient client = client();
        LasEndpoint endpoint = new LasEndpoint(PushFixture.ROUTING, las.baseUrl(), "test");

        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> client.post(endpoint, LAS_A, PushFixture.ROUTING, "0000000700099AA00000", BODY))
                .isInstanceOf(IOException.class).hasMessageContaining("no complete answer"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECT.plus(READ).plusSeconds(2));
    }

    @Test
    void anEndlessAnswerIsReadOnlyAsFarAsItsFirstKilobytes() {
        las = ScriptedLas.endlessAnswer(422);
        LasClient client = client();
        LasEndpoint endpoint = new LasEndpoint(PushFixture.ROUTING, las.baseUrl(), "test");

        LasClient.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> client.post(endpoint, LAS_A, PushFixture.ROUTING, "0000000700099AA00000", BODY));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.melding()).hasSize(300).matches("x+");
    }
}
