package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CryptoProviders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /health, /ready and /metrics of a running gateway, after an accepted and a refused request. */
class OperationsEndpointsTest {

    private static Node node;

    @BeforeAll
    static void gatewayWithTraffic() throws Exception {
        node = Node.start(Map.of());
        node.client("las-a").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"), Deliveries.list("99AA", 7));
        node.client("las-b").send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                Samples.body("leerresultaten-99AA"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void healthAnswersUp() throws Exception {
        var health = node.ops("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("UP\n");
    }

    @Test
    void readyWhenDatabaseAndTrustMaterialAreUsable() throws Exception {
        var ready = node.ops("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("READY\n");
    }

    @Test
    void metricsShowRequestsByOperationOutcomeAndFault() throws Exception {
        String metrics = node.ops("/metrics").body();
        assertThat(metrics).contains(
                "gateway_requests_seconds_count{fault=\"none\",operation=\"BrengDeelnemers\",outcome=\"accepted\"} 1",
                "gateway_requests_seconds_count{fault=\"Client.AutorisatieOngeldig\",operation=\"HaalLeerresultaten\","
                        + "outcome=\"refused\"} 1",
                "gateway_requests_seconds_bucket{");
    }

    @Test
    void metricsCountMandateDecisionsBySource() throws Exception {
        assertThat(node.ops("/metrics").body()).contains(
                "gateway_mandate_decisions_total{outcome=\"GRANTED\",source=\"EMBEDDED\"}",
                "gateway_mandate_decisions_total{outcome=\"DENIED\",source=\"EMBEDDED\"}");
    }

    @Test
    void metricsNameTheProviderThatSigns() throws Exception {
        String real = CryptoProviders.signingProvider(RunningGateway.key("gateway").load().privateKey());
        assertThat(real).isEqualTo("SunRsaSign");
        assertThat(node.ops("/metrics").body())
                .contains("gateway_crypto_provider{provider=\"" + real + "\",setting=\"jdk\"} 1.0");
    }

    @Test
    void metricsShowCrlFreshnessAndDaysUntilEachCertificateExpires() throws Exception {
        String metrics = node.ops("/metrics").body();
        assertThat(metrics).contains("gateway_crl_seconds_until_next_update ", "gateway_crl_expired 0.0",
                "gateway_certificate_days_until_expiry{certificate=\"gateway\",kind=\"gateway\"}",
                "gateway_certificate_days_until_expiry{certificate=\"CN=DEV Private Root CA - G1",
                "gateway_certificate_days_until_expiry{certificate=\"CN=DEV Private Services CA - G1",
                "gateway_certificate_days_until_expiry{certificate=\"CN=DEV TSP Private Services CA - G1");
    }
}
