package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.SecuritySettings;
import org.junit.jupiter.api.Test;

/** Which LAS server certificates a push accepts: the certs-dev fixtures against the gateway's trust and CRLs. */
class LasServerTrustManagerTest {

    private final ReloadingTrust trust = new ReloadingTrust(SecuritySettings.from(GatewayConfig.defaults(Map.of())),
            Clock.systemUTC(), ReloadingTrust.NONE);

    private static X509Certificate[] chain(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", name + ".p12"))) {
            store.load(in, "changeit".toCharArray());
        }
        return Arrays.stream(store.getCertificateChain(name)).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
    }

    private LasServerTrustManager expecting(String oin) {
        return new LasServerTrustManager(trust, new Oin(oin));
    }

    @Test
    void acceptsTheLasWithTheExpectedOin() {
        assertThatCode(() -> expecting("00000099000000001000").checkServerTrusted(chain("las-a"), "RSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherLasOfTheSameHierarchy() {
        assertThatThrownBy(() -> expecting("00000099000000001000").checkServerTrusted(chain("las-b"), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not the expected");
    }

    @Test
    void refusesARevokedCertificateEvenWithTheExpectedOin() {
        assertThatThrownBy(() -> expecting("00000099000000005000").checkServerTrusted(chain("las-revoked"), "RSA"))
                .isInstanceOf(CertificateException.class).hasRootCauseInstanceOf(CertificateRevokedException.class);
    }

    @Test
    void refusesAnExpiredCertificate() {
        assertThatThrownBy(() -> expecting("00000099000000004000").checkServerTrusted(chain("las-expired"), "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void refusesACertificateOfAnUntrustedHierarchy() {
        assertThatThrownBy(() -> expecting("00000099000000006000").checkServerTrusted(chain("las-foreign"), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("path");
    }

    @Test
    void refusesACertificateWithoutOin() {
        assertThatThrownBy(() -> expecting("00000099000000001000").checkServerTrusted(chain("las-no-oin"), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("no OIN");
    }
}
