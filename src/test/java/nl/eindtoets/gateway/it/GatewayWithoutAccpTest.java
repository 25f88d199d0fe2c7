package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Security;
import java.util.Map;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CryptoProviders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real gateway with the shipped default {@code crypto.provider=auto} on a machine where the Amazon Corretto
 * Crypto Provider does not load: tagged {@code without-accp}, so it runs in a JVM without ACCP's jar (surefire
 * execution {@code without-accp}). It starts on the JDK's providers with one line saying so, signs with SunRsaSign,
 * and works as it does with ACCP.
 */
@Tag("without-accp")
class GatewayWithoutAccpTest {

    private static StartupLog startup;
    private static RunningGateway gateway;

    @BeforeAll
    static void startWithAuto() {
        startup = StartupLog.start(Map.of(CryptoProviders.CONFIG_KEY, "auto"));
        gateway = startup.gateway();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void oneLineSaysAutoFellBackAndOneThatTheJdkSigns() {
        assertThat(startup.providerLine())
                .startsWith("crypto.provider=auto: the Amazon Corretto Crypto Provider does not load here (")
                .endsWith("); the JDK security providers are used");
        assertThat(startup.lines()).contains("answers are signed (SHA256withRSA) by the JCA provider SunRsaSign");
        assertThat(Security.getProvider(CryptoProviders.ACCP)).isNull();
    }

    @Test
    void metricsNameTheJdkProviderUnderTheAutoSetting() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.opsPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body()).contains("gateway_crypto_provider{provider=\"SunRsaSign\",setting=\"auto\"} 1.0");
    }

    @Test
    void signedDeliveryIsAcceptedAndTheSignedReceiptVerifies() throws Exception {
        GatewayResponse response = gateway.client("las-a")
                .send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        assertThat(((VerifiedResponse) response).payload()
                .getElementsByTagNameNS("urn:eindtoets-gateway:1", "aantal_deelnemers").item(0).getTextContent())
                .isEqualTo("4");
    }

    @Test
    void bodyChangedAfterSigningIsStillRefused() throws Exception {
        assertWsSecurityFault(new Requests(gateway.client("las-a")).sendWithSurnameChangedAfterSigning(),
                "FailedCheck");
    }

    @Test
    void aGatewayThatDemandsAccpDoesNotStartHere() {
        assertThatThrownBy(() -> RunningGateway.start(Map.of(CryptoProviders.CONFIG_KEY, "accp")))
                .hasMessageContaining("crypto.provider=accp, but this JVM already runs without it");
    }
}
