package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertSignedFault;
import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/**
 * Who may talk to the gateway: the TLS client certificate must chain to the truststore, be in date and not revoked
 * (refused in the handshake); the message signer is judged by the same rules on its own (wsse:FailedAuthentication);
 * and signer and TLS client must be one organisation, identified by an OIN (Client.AutorisatieOngeldig).
 */
class TlsTrustTest {

    private final RunningGateway gateway = RunningGateway.shared();

    @Test
    void refusesConnectionWithoutClientCertificate() throws Exception {
        assertHandshakeRefused(gateway.client("las-a", null));
    }

    @Test
    void refusesTlsClientFromUntrustedHierarchy() throws Exception {
        assertHandshakeRefused(gateway.client("las-foreign"));
    }

    @Test
    void refusesExpiredTlsClientCertificate() throws Exception {
        assertHandshakeRefused(gateway.client("las-expired"));
    }

    @Test
    void refusesRevokedTlsClientCertificate() throws Exception {
        assertHandshakeRefused(gateway.client("las-revoked"));
    }

    @Test
    void refusesCertificateWithoutOinAfterTlsAndSignaturePass() throws Exception {
        GatewayResponse response = withoutHandlerCall(gateway, () -> send(gateway.client("las-no-oin")));

        assertSignedFault(response, "Client.AutorisatieOngeldig", "0002");
    }

    @Test
    void refusesSignerWhoseOinDiffersFromTlsClient() throws Exception {
        GatewayResponse response = withoutHandlerCall(gateway, () -> send(gateway.client("las-b", "las-a")));

        assertSignedFault(response, "Client.AutorisatieOngeldig", "0002");
    }

    @Test
    void refusesRevokedSignerOverTrustedTlsConnection() throws Exception {
        GatewayResponse response = withoutHandlerCall(gateway, () -> send(gateway.client("las-revoked", "las-a")));

        assertWsSecurityFault(response, "FailedAuthentication");
    }

    @Test
    void refusesExpiredSignerOverTrustedTlsConnection() throws Exception {
        GatewayResponse response = withoutHandlerCall(gateway, () -> send(gateway.client("las-expired", "las-a")));

        assertWsSecurityFault(response, "FailedAuthentication");
    }

    @Test
    void refusesSignerFromUntrustedHierarchyOverTrustedTlsConnection() throws Exception {
        GatewayResponse response = withoutHandlerCall(gateway, () -> send(gateway.client("las-foreign", "las-a")));

        assertWsSecurityFault(response, "FailedAuthentication");
    }

    private static GatewayResponse send(EindtoetsClient client) throws Exception {
        return client.send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA"));
    }

    private void assertHandshakeRefused(EindtoetsClient client) throws Exception {
        Throwable failure = withoutHandlerCall(gateway, () -> catchThrowable(() -> send(client)));

        assertThat(failure).as("the TLS handshake is refused").isInstanceOf(IOException.class);
        assertThat(causes(failure)).as("failure: %s", failure)
                .anySatisfy(t -> assertThat(t).isInstanceOf(SSLHandshakeException.class));
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
