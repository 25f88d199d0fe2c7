package nl.eindtoets.gateway.reliability;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.eindtoets.gateway.devpki.CertificateIssuer;
import nl.eindtoets.gateway.devpki.CrlWriter;
import nl.eindtoets.gateway.devpki.DevEndEntity;
import nl.eindtoets.gateway.devpki.IssuedCertificate;
import nl.eindtoets.gateway.devpki.KeystoreWriter;
import nl.eindtoets.gateway.devpki.RevokedCertificate;
import nl.eindtoets.gateway.devpki.Validity;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * A fresh development-style PKI (root, domain CA, TSP CA; gateway, las-a, las-b with the development OINs) whose
 * CA keys the tests hold, so they can issue a second gateway key and sign new CRLs while a gateway runs. Keys are
 * made once per test run; {@link #writeTo} lays the files out in a directory of the test's own.
 */
final class TestPki {

    private static TestPki shared;

    final IssuedCertificate root;
    final IssuedCertificate domain;
    final IssuedCertificate tsp;
    final IssuedCertificate gateway;
    final IssuedCertificate lasA;
    final IssuedCertificate lasB;
    private final CertificateIssuer issuer = new CertificateIssuer(new SecureRandom());
    private final KeystoreWriter keystores = new KeystoreWriter(Node.PASSWORD.toCharArray());
    private final AtomicLong crlNumber = new AtomicLong(100);

    private TestPki() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Validity ca = new Validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        root = issuer.root(name("Test Root CA"), ca);
        domain = issuer.intermediate(root, name("Test Domain CA"), 1, List.of(), "http://127.0.0.1/root.crl", ca);
        tsp = issuer.intermediate(domain, name("Test TSP CA"), 0, List.of(), "http://127.0.0.1/domain.crl", ca);
        gateway = endEntity(DevEndEntity.GATEWAY, Duration.ofDays(400));
        lasA = endEntity(DevEndEntity.LAS_A, Duration.ofDays(400));
        lasB = endEntity(DevEndEntity.LAS_B, Duration.ofDays(400));
    }

    static synchronized TestPki shared() {
        if (shared == null) {
            shared = new TestPki();
        }
        return shared;
    }

    /** A new key and certificate for the same organisation (same OIN), valid for {@code validity}. */
    IssuedCertificate endEntity(DevEndEntity who, Duration validity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return issuer.endEntity(tsp, who.profile(), List.of(), "http://127.0.0.1/tsp.crl",
                new Validity(now.minus(Duration.ofHours(1)), now.plus(validity)));
    }

    /** gateway.p12, las-a.p12, las-b.p12, truststore.p12 and current CRLs of the three CAs in crl/. */
    void writeTo(Path dir) throws IOException {
        keystores.writeKeyEntry(dir.resolve("gateway.p12"), "gateway", gateway);
        keystores.writeKeyEntry(dir.resolve("las-a.p12"), "las-a", lasA);
        keystores.writeKeyEntry(dir.resolve("las-b.p12"), "las-b", lasB);
        writeTruststore(dir.resolve("truststore.p12"));
        Instant now = Instant.now();
        Validity day = new Validity(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));
        new CrlWriter().write(dir.resolve("crl/root.crl"), root, List.of(), day, BigInteger.ONE);
        new CrlWriter().write(dir.resolve("crl/domain.crl"), domain, List.of(), day, BigInteger.ONE);
        writeTspCrl(dir.resolve("crl/tsp.crl"), List.of(), day);
    }

    /** The gateway keys for a PKI laid out in {@code dir}. */
    static Map<String, String> gatewaySettings(Path dir) {
        Map<String, String> s = new HashMap<>();
        s.put("gateway.keystore", dir.resolve("gateway.p12").toString());
        s.put("trust.truststore", dir.resolve("truststore.p12").toString());
        s.put("trust.crl.files", dir.resolve("crl/root.crl") + "," + dir.resolve("crl/domain.crl") + ","
                + dir.resolve("crl/tsp.crl"));
        return s;
    }

    void writeTruststore(Path file) throws IOException {
        Map<String, X509Certificate> trusted = new LinkedHashMap<>();
        trusted.put("root", root.certificate());
        trusted.put("domain", domain.certificate());
        trusted.put("tsp", tsp.certificate());
        replace(file, tmp -> keystores.writeTrustedCertificates(tmp, trusted));
    }

    /** Replaces the gateway key store at {@code file} with {@code key} in one step (as an operator's mv does). */
    void writeGatewayKeystore(Path file, IssuedCertificate key) throws IOException {
        replace(file, tmp -> keystores.writeKeyEntry(tmp, "gateway", key));
    }

    /** A TSP CA CRL revoking {@code revoked}, valid for {@code period}, written in one step. */
    void writeTspCrl(Path file, List<IssuedCertificate> revoked, Validity period) throws IOException {
        List<RevokedCertificate> entries = revoked.stream().map(c -> new RevokedCertificate(
                c.certificate().getSerialNumber(), Instant.now().minusSeconds(60), CRLReason.keyCompromise)).toList();
        replace(file, tmp -> new CrlWriter().write(tmp, tsp, entries, period,
                BigInteger.valueOf(crlNumber.incrementAndGet())));
    }

    byte[] tspCrl(List<IssuedCertificate> revoked, Validity period) throws Exception {
        List<RevokedCertificate> entries = revoked.stream().map(c -> new RevokedCertificate(
                c.certificate().getSerialNumber(), Instant.now().minusSeconds(60), CRLReason.keyCompromise)).toList();
        return new CrlWriter().build(tsp, entries, period, BigInteger.valueOf(crlNumber.incrementAndGet()))
                .getEncoded();
    }

    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    private static void replace(Path file, Writer writer) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        writer.write(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X500Name name(String cn) {
        return new X500Name("C=NL,O=Test PKI,CN=" + cn);
    }
}
