package nl.eindtoets.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayHttpClientTest {

    private StubGateway stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubGateway(body -> new StubGateway.Reply(202, "<ok/>".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private URI endpoint() {
        return stub.baseUrl().resolve("/eindtoets/deelnemers");
    }

    @Test
    void postsEnvelopeWithSoap11ContentTypeAndQuotedSoapAction() throws Exception {
        GatewayHttpClient client = GatewayHttpClient.create(DevCerts.key("las-a"), DevCerts.truststoreFile(),
                Duration.ofSeconds(10));

        HttpResult result = client.post(endpoint(), "<e/>".getBytes(StandardCharsets.UTF_8),
                "urn:eindtoets-gateway:1:BrengDeelnemers");

        assertThat(result.status()).isEqualTo(202);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("<ok/>");
        assertThat(result.header("content-type")).contains("text/xml; charset=utf-8");
        StubGateway.Received received = stub.received.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/eindtoets/deelnemers");
        assertThat(received.headers().get("Content-type")).containsExactly("text/xml; charset=utf-8");
        assertThat(received.headers().get("Soapaction")).containsExactly("\"urn:eindtoets-gateway:1:BrengDeelnemers\"");
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("<e/>");
    }

    @Test
    void presentsTheKeystoreCertificateForMutualTls() throws Exception {
        GatewayHttpClient client = GatewayHttpClient.create(DevCerts.key("las-a"), DevCerts.truststoreFile(),
                Duration.ofSeconds(10));

        client.post(endpoint(), "<e/>".getBytes(StandardCharsets.UTF_8), "x");

        assertThat(CertificateOin.of(stub.received.get(0).clientCertificate()))
                .contains(new Oin("00000099000000001000"));
    }

    @Test
    void canConnectWithoutClientCertificateWhichAServerRequiringOneRefuses() throws Exception {
        GatewayHttpClient client = GatewayHttpClient.create(null, DevCerts.truststoreFile(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> client.post(endpoint(), "<e/>".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(IOException.class);
        assertThat(stub.received).isEmpty();
    }

    @Test
    void omitsSoapActionWhenNoneIsGiven() throws Exception {
        GatewayHttpClient client = GatewayHttpClient.create(DevCerts.key("las-a"), DevCerts.truststoreFile(),
                Duration.ofSeconds(10));

        client.post(endpoint(), "<e/>".getBytes(StandardCharsets.UTF_8), (String) null);

        assertThat(stub.received.get(0).headers()).doesNotContainKey("Soapaction");
    }
}
