package nl.eindtoets.gateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promises certs-dev makes (certs-dev/README.md): checked against the committed fixtures and against a fresh run of
 * the generator, so both the files and the code that makes them keep them.
 */
abstract class DevPkiFixtureContract {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    abstract Path directory();

    private DevPkiFiles files() {
        return new DevPkiFiles(directory());
    }

    @ParameterizedTest
    @CsvSource({
            "gateway, 00000099000000002000",
            "las-a, 00000099000000001000",
            "las-b, 00000099000000003000",
            "las-expired, 00000099000000004000",
            "las-revoked, 00000099000000005000",
            "las-foreign, 00000099000000006000",
            "osr, 00000099000000009000"})
    void keystoreCertificateCarriesTheOrganisationOin(String name, String oin) throws Exception {
        assertThat(CertificateOin.of(files().certificate(name))).contains(new Oin(oin));
    }

    @Test
    void noOinCertificateHasNoSubjectSerialNumber() throws Exception {
        X509Certificate certificate = files().certificate("las-no-oin");

        assertThat(subject(certificate).getRDNs(BCStyle.SERIALNUMBER)).isEmpty();
        assertThat(CertificateOin.of(certificate)).isEmpty();
    }

    @Test
    void badOinCertificateCarriesAMalformedSerialNumberThatTheOinReaderRefuses() throws Exception {
        X509Certificate certificate = files().certificate("las-bad-oin");

        RDN[] serialNumbers = subject(certificate).getRDNs(BCStyle.SERIALNUMBER);
        assertThat(serialNumbers).hasSize(1);
        assertThat(((ASN1String) serialNumbers[0].getFirst().getValue()).getString()).isEqualTo("12345");
        assertThat(CertificateOin.of(certificate)).isEmpty();
    }

    @Test
    void oinIsEncodedAsPrintableString() throws Exception {
        RDN serialNumber = subject(files().certificate("las-a")).getRDNs(BCStyle.SERIALNUMBER)[0];

        assertThat(serialNumber.getFirst().getValue())
                .isInstanceOf(DERPrintableString.class);
    }

    @ParameterizedTest
    @CsvSource({
            "gateway, 4", "las-a, 4", "las-b, 4", "las-expired, 4", "las-revoked, 4",
            "las-no-oin, 4", "osr, 4", "las-bad-oin, 4", "las-foreign, 2"})
    void keystoreHoldsOneKeyEntryNamedAfterItsFileWithTheWholeChain(String name, int chainLength) throws Exception {
        var store = files().keystore(name + ".p12");

        assertThat(Collections.list(store.aliases())).containsExactly(name);
        assertThat(store.isKeyEntry(name)).isTrue();
        List<X509Certificate> chain = files().chain(name);
        assertThat(chain).hasSize(chainLength);
        assertThat(DevPkiFiles.isSelfSigned(chain.get(chain.size() - 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "las-a", "las-b", "osr", "las-no-oin", "las-bad-oin"})
    void usableCertificateChainValidatesWithRevocationChecking(String name) throws Exception {
        files().validate(files().chain(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "las-a", "osr"})
    void truststoreAloneSuppliesThePathToTheRoot(String name) throws Exception {
        var path = files().buildPath(files().certificate(name));

        assertThat(path.getCertificates()).hasSize(3);
    }

    @Test
    void revokedCertificateFailsAsRevokedForKeyCompromise() throws Exception {
        assertThatThrownBy(() -> files().validate(files().chain("las-revoked")))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
                    assertThat(e.getIndex()).isZero();
                    assertThat(e.getCause()).isInstanceOfSatisfying(CertificateRevokedException.class,
                            r -> assertThat(r.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE));
                });
    }

    @Test
    void expiredCertificateFailsAsExpired() throws Exception {
        assertThatThrownBy(() -> files().validate(files().chain("las-expired")))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED);
                    assertThat(e.getIndex()).isZero();
                });
    }

    @Test
    void foreignCertificateHasNoPathToTheDevRoot() throws Exception {
        X509Certificate foreign = files().certificate("las-foreign");

        assertThat(foreign.getIssuerX500Principal().getName()).contains("CN=DEV Foreign Root CA");
        assertThatThrownBy(() -> files().buildPath(foreign)).isInstanceOf(CertPathBuilderException.class);
        assertThatThrownBy(() -> files().validate(files().chain("las-foreign")))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "las-a", "las-b", "las-expired", "las-revoked", "las-foreign",
            "las-no-oin", "osr", "las-bad-oin"})
    void endEntityIsAServicesServerCertificateForBothTlsRoles(String name) throws Exception {
        X509Certificate certificate = files().certificate(name);

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs())
                .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(policies(certificate)).containsExactly("2.16.528.1.1003.1.2.8.6");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getSerialNumber().bitLength()).isEqualTo(128);
        assertThat(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"las-a", "las-b", "las-expired", "las-revoked", "las-no-oin", "las-bad-oin"})
    void lasCertificateNamesItsDevHost(String name) throws Exception {
        X509Certificate certificate = files().certificate(name);

        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(n -> n.get(0), n -> n.get(1))
                .containsExactly(tuple(GeneralName.dNSName, name + ".dev.invalid"));
        assertThat(crlUrls(certificate)).containsExactly("http://localhost:8089/crl/tsp.crl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "osr"})
    void serverCertificateNamesLocalhostAndLoopback(String name) throws Exception {
        X509Certificate certificate = files().certificate(name);

        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(n -> n.get(0), n -> n.get(1))
                .containsExactlyInAnyOrder(tuple(GeneralName.dNSName, "localhost"),
                        tuple(GeneralName.iPAddress, "127.0.0.1"));
        assertThat(subject(certificate).getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("localhost");
    }

    @Test
    void expiredCertificateEndedAYearAgoAfterBeingValidForAYear() throws Exception {
        X509Certificate certificate = files().certificate("las-expired");
        Date now = new Date();

        assertThat(certificate.getNotAfter()).isBefore(now);
        long days = (certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime()) / 86_400_000L;
        assertThat(days).isBetween(364L, 366L);
    }

    @Test
    void truststoreHoldsTheDevHierarchyWithTheRootAsOnlySelfSignedEntry() throws Exception {
        var store = files().keystore("truststore.p12");

        assertThat(Collections.list(store.aliases()))
                .containsExactlyInAnyOrder("dev-root", "dev-domain-ca", "dev-tsp-ca");
        assertThat(Collections.list(store.aliases())).allSatisfy(a -> assertThat(store.isCertificateEntry(a)).isTrue());
        assertThat(DevPkiFiles.isSelfSigned((X509Certificate) store.getCertificate("dev-root"))).isTrue();
        assertThat(DevPkiFiles.isSelfSigned((X509Certificate) store.getCertificate("dev-domain-ca"))).isFalse();
        assertThat(DevPkiFiles.isSelfSigned((X509Certificate) store.getCertificate("dev-tsp-ca"))).isFalse();
        assertThat(files().trustedCertificates()).doesNotContain(files().pemCertificate("ca/foreign-root.crt"));
    }

    @Test
    void caCertificatesFormAFourLevelHierarchyWithPathLengthLimits() throws Exception {
        X509Certificate root = files().pemCertificate("ca/root.crt");
        X509Certificate domain = files().pemCertificate("ca/domain.crt");
        X509Certificate tsp = files().pemCertificate("ca/tsp.crt");

        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(domain.getBasicConstraints()).isEqualTo(1);
        assertThat(tsp.getBasicConstraints()).isEqualTo(0);
        for (X509Certificate ca : List.of(root, domain, tsp)) {
            assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
            assertThat(ca.getCriticalExtensionOIDs())
                    .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        }
        assertThat(policies(domain)).containsExactly(
                "2.16.528.1.1003.1.2.8.4", "2.16.528.1.1003.1.2.8.5", "2.16.528.1.1003.1.2.8.6");
        assertThat(crlUrls(domain)).containsExactly("http://localhost:8089/crl/root.crl");
        assertThat(crlUrls(tsp)).containsExactly("http://localhost:8089/crl/domain.crl");
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=DEV Private Root CA - G1,O=Dev Staat der Nederlanden,C=NL");
        assertThat(files().chain("las-a").subList(1, 4)).containsExactly(tsp, domain, root);
    }

    @ParameterizedTest
    @CsvSource({"root, ca/root.crt, 0", "domain, ca/domain.crt, 0", "tsp, ca/tsp.crt, 1"})
    void crlIsSignedByItsCaAndCurrent(String crlName, String caFile, int entries) throws Exception {
        X509CRL crl = files().crl(crlName);
        X509Certificate ca = files().pemCertificate(caFile);

        crl.verify(ca.getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(crl.getNextUpdate()).isAfter(new Date());
        assertThat(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(crl.getExtensionValue(Extension.cRLNumber.getId())).isNotNull();
        assertThat(crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size())
                .isEqualTo(entries);
    }

    @Test
    void tspCrlListsTheRevokedCertificate() throws Exception {
        BigInteger revoked = files().certificate("las-revoked").getSerialNumber();
        X509CRL crl = files().crl("tsp");

        assertThat(crl.getRevokedCertificate(revoked)).isNotNull();
        assertThat(crl.getRevokedCertificate(revoked).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.isRevoked(files().certificate("las-a"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "las-a", "las-b", "las-expired", "las-revoked", "las-foreign",
            "las-no-oin", "osr", "las-bad-oin"})
    void pemCopiesMatchTheKeystore(String name) throws Exception {
        X509Certificate certificate = files().certificate(name);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) files().pemPrivateKey(name + ".key");

        assertThat(files().pemCertificate(name + ".crt")).isEqualTo(certificate);
        assertThat(key.getModulus()).isEqualTo(((RSAPublicKey) certificate.getPublicKey()).getModulus());
    }

    private static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static List<String> policies(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        List<String> oids = new ArrayList<>();
        for (PolicyInformation p : CertificatePolicies.getInstance(unwrap(value)).getPolicyInformation()) {
            oids.add(p.getPolicyIdentifier().getId());
        }
        return oids;
    }

    private static List<String> crlUrls(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point : CRLDistPoint.getInstance(unwrap(value)).getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                urls.add(name.getName().toString());
            }
        }
        return urls;
    }

    private static ASN1Primitive unwrap(byte[] extensionValue) {
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
