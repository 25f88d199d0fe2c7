package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.eindtoets.gateway.devpki.CertificateIssuer;
import nl.eindtoets.gateway.devpki.CrlWriter;
import nl.eindtoets.gateway.devpki.IssuedCertificate;
import nl.eindtoets.gateway.devpki.Validity;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.security.TrustMaterial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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

    @Test
    void refusesACertificateWhoseKeyPurposesLeaveOutTlsServers() throws Exception {
        OwnHierarchy pki = new OwnHierarchy();

        assertThatThrownBy(() -> pki.trusting("00000099000000001000")
                .checkServerTrusted(pki.endEntity(KeyPurposeId.id_kp_clientAuth), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessage("the LAS certificate is not for TLS servers");
    }

    @Test
    void acceptsACertificateOfTheSameMakingThatListsTlsServers() throws Exception {
        OwnHierarchy pki = new OwnHierarchy();

        assertThatCode(() -> pki.trusting("00000099000000001000")
                .checkServerTrusted(pki.endEntity(KeyPurposeId.id_kp_serverAuth), "RSA"))
                .doesNotThrowAnyException();
    }

    /**
     * A root of the test's own (the development CA keys are not in certs-dev), its empty CRL, and end entities with
     * las-a's OIN and the key purposes the test chooses.
     */
    private static final class OwnHierarchy {
        private final IssuedCertificate root;
        private final X509CRL crl;

        OwnHierarchy() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Validity year = new Validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            root = new CertificateIssuer(new SecureRandom()).root(new X500Name("C=NL,O=Test,CN=EKU Test Root"), year);
            crl = new CrlWriter().build(root, List.of(), year, BigInteger.ONE);
        }

        LasServerTrustManager trusting(String oin) {
            CertificateChainValidator validator = new CertificateChainValidator(new TrustMaterial(
                    Set.of(new TrustAnchor(root.certificate(), null)), List.of(), List.of(crl)), Clock.systemUTC(),
                    Duration.ofMinutes(1));
            return new LasServerTrustManager(() -> validator, new Oin(oin));
        }

        X509Certificate[] endEntity(KeyPurposeId purpose) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate(),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                    Date.from(now.plusSeconds(86_400)),
                    new X500Name("C=NL,O=Dev LAS Leverancier A,SERIALNUMBER=00000099000000001000,CN=las-a"),
                    keys.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(root.privateKey())));
            return new X509Certificate[] {cert, root.certificate()};
        }
    }
}
