package nl.eindtoets.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.junit.jupiter.api.Test;

/** Who sends for which school on a front door that has only the TLS client certificate. */
class TransportIdentityResolverTest {

    private static X509Certificate certificate(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", name + ".p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) ks.getCertificate(name);
    }

    @Test
    void theSenderIsTheOinOfTheTlsCertificateAndTheSchoolIsEduTo() throws Exception {
        RequestIdentity id = TransportIdentityResolver.resolve(certificate("las-a"), "0000000700099AA00000", "99AA",
                null, "rest:x");

        assertThat(id.signerOin().value()).isEqualTo("00000099000000001000");
        assertThat(id.schoolOin()).isEqualTo(Oin.ofSchool("99AA"));
        assertThat(id.dependancecode()).isEqualTo("00");
    }

    @Test
    void refusesEduToOfAnotherSchool() throws Exception {
        assertThatThrownBy(() -> TransportIdentityResolver.resolve(certificate("las-a"), "0000000700099AB00000",
                "99AA", "00", "rest:x")).isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
    }

    @Test
    void refusesEduToThatIsNoSchoolOin() throws Exception {
        assertThatThrownBy(() -> TransportIdentityResolver.resolve(certificate("las-a"), "00000099000000001000",
                "99AA", "00", "rest:x")).hasMessageContaining("edu-to");
    }

    @Test
    void refusesACertificateWithoutOin() throws Exception {
        assertThatThrownBy(() -> TransportIdentityResolver.resolve(certificate("las-no-oin"), "0000000700099AA00000",
                "99AA", "00", "rest:x")).hasMessageContaining("OIN");
    }
}
