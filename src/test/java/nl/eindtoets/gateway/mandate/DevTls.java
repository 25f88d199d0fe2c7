package nl.eindtoets.gateway.mandate;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS set-ups from the development PKI in certs-dev/ (password changeit everywhere). */
final class DevTls {

    static final Path CERTS = Path.of("certs-dev");
    static final char[] PASSWORD = "changeit".toCharArray();

    private DevTls() {
    }

    /** The gateway's side: its own key as client certificate, the dev roots for the OSR's certificate. */
    static SSLContext gatewayClient() {
        return context("gateway.p12", "gateway");
    }

    /** The simulator's side with the given keystore, e.g. osr.p12 or las-foreign.p12. */
    static SSLContext server(String keystore) {
        return context(keystore, null);
    }

    /** A client that trusts the dev roots but has no certificate to present. */
    static SSLContext clientWithoutCertificate() throws Exception {
        KeyStore trust = MutualTlsContext.load(CERTS.resolve("truststore.p12"), PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    static OsrSimulator simulator(String keystore, List<Mandate> mandates) {
        return new OsrSimulator("localhost", 0, server(keystore), mandates).start();
    }

    static OsrMandateClient client(URI baseUrl, SSLContext tls) {
        return new OsrMandateClient(baseUrl, tls, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static SSLContext context(String keystore, String alias) {
        return MutualTlsContext.context(CERTS.resolve(keystore), PASSWORD, alias, CERTS.resolve("truststore.p12"), PASSWORD);
    }
}
