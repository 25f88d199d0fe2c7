package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
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
 * The real gateway with {@code crypto.provider=auto} on a machine where the Amazon Corretto Crypto Provider loads
 * (Linux x86_64 or aarch64; skipped elsewhere): ACCP becomes the first security provider, signs the answers, and a signed request is
 * accepted with an answer that verifies, while a request changed after signing is still refused. Tagged
 * {@code accp}: it runs in a JVM of its own (surefire execution {@code accp}), as the provider list is global; in
 * that JVM the LAS client's signing, verification and TLS use ACCP too.
 */
@Tag("accp")
class AccpEndToEndTest {

    private static StartupLog startup;
    private static RunningGateway gateway;

    @BeforeAll
    static void startWithAuto() {
        // Where it does not load (not Linux x86_64/aarch64, or its native library fails) GatewayWithoutAccpTest covers auto.
        Throwable loading = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        assumeTrue(loading == null, () -> "the Amazon Corretto Crypto Provider does not load here: " + loading);
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
    void autoPutsAccpFirstAndItSignsTheAnswers() throws Exception {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(CryptoProviders.ACCP);
        assertThat(CryptoProviders.install(CryptoProviders.Choice.AUTO).accp()).isTrue();
        assertThat(CryptoProviders.signingProvider(RunningGateway.key("gateway").load().privateKey()))
                .isEqualTo(CryptoProviders.ACCP);
    }

    @Test
    void oneLineSaysAccpIsInstalledAndOneWhichProviderSigns() {
        assertThat(startup.providerLine())
                .startsWith("crypto.provider=auto: Amazon Corretto Crypto Provider 2.")
                .endsWith(" is the first security provider");
        assertThat(startup.lines()).contains("answers are signed (SHA256withRSA) by the JCA provider " + CryptoProviders.ACCP);
    }

    @Test
    void metricsNameTheProviderThatReallySigns() throws Exception {
        String real = CryptoProviders.signingProvider(RunningGateway.key("gateway").load().privateKey());
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.opsPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body()).contains("gateway_crypto_provider{provider=\"" + real + "\",setting=\"auto\"} 1.0");
        assertThat(real).isEqualTo(CryptoProviders.ACCP);
    }

    @Test
    void signedDeliveryIsAcceptedAndTheSignedReceiptVerifies() throws Exception {
        GatewayResponse response = gateway.client("las-a")
                .send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        VerifiedResponse verified = (VerifiedResponse) response;
        assertThat(verified.payload().getElementsByTagNameNS("urn:eindtoets-gateway:1", "aantal_deelnemers")
                .item(0).getTextContent()).isEqualTo("4");
    }

    @Test
    void signedResultsRequestIsAnsweredSigned() throws Exception {
        GatewayResponse response = gateway.client("las-a")
                .send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"), Samples.body("leerresultaten-99AA"));

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        assertThat(((VerifiedResponse) response).payload().getLocalName()).isEqualTo("leerresultaten_antwoord");
    }

    @Test
    void bodyChangedAfterSigningIsStillRefused() throws Exception {
        assertWsSecurityFault(new Requests(gateway.client("las-a")).sendWithSurnameChangedAfterSigning(),
                "FailedCheck");
    }

    @Test
    void thisJvmCannotGoBackToTheJdkProviders() {
        assertThatThrownBy(() -> RunningGateway.start(Map.of(CryptoProviders.CONFIG_KEY, "jdk")))
                .hasMessageContaining("crypto.provider=jdk, but this JVM already runs with ACCP");
        assertThat(CryptoProviders.install(CryptoProviders.Choice.ACCP).accp()).isTrue();
    }
}
