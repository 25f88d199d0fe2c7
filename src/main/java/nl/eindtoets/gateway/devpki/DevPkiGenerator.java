package nl.eindtoets.gateway.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Lays out the development PKI (certs-dev/README.md) in a directory: a four-level PKIoverheid look-alike
 * (root, domain CA, TSP CA, end entities), a separate untrusted root, keystores, truststore, CRLs and PEM copies.
 * Every run makes new keys, so every file changes.
 */
public final class DevPkiGenerator {

    public static final String PASSWORD = "changeit";
    public static final String CRL_BASE_URL = "http://localhost:8089/crl/";
    public static final String ROOT_ALIAS = "dev-root";
    public static final String DOMAIN_CA_ALIAS = "dev-domain-ca";
    public static final String TSP_CA_ALIAS = "dev-tsp-ca";
    public static final String TRUSTSTORE_FILE = "truststore.p12";

    static final String POLICY_AUTHENTICITY = "2.16.528.1.1003.1.2.8.4";
    static final String POLICY_CONFIDENTIALITY = "2.16.528.1.1003.1.2.8.5";
    static final String POLICY_SERVER = "2.16.528.1.1003.1.2.8.6";
    private static final List<String> CA_POLICIES = List.of(POLICY_AUTHENTICITY, POLICY_CONFIDENTIALITY, POLICY_SERVER);

    private static final String STAAT = "Dev Staat der Nederlanden";

    private final Clock clock;
    private final CertificateIssuer issuer;
    private final CrlWriter crls = new CrlWriter();
    private final KeystoreWriter keystores = new KeystoreWriter(PASSWORD.toCharArray());
    private final PemFileWriter pems = new PemFileWriter();

    public DevPkiGenerator() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public DevPkiGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.issuer = new CertificateIssuer(random);
    }

    /** Writes the whole layout into {@code directory} (created when absent) and returns the files, relative to it. */
    public List<Path> generate(Path directory) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Validity caValidity = new Validity(now.minus(Duration.ofDays(1)), plusYears(now, 20));
        Validity eeValidity = new Validity(now.minus(Duration.ofDays(1)), plusYears(now, 10));
        Validity expired = new Validity(plusYears(now, -2), plusYears(now, -1));
        Validity crlPeriod = new Validity(now, plusYears(now, 10));
        List<Path> written = new ArrayList<>();

        IssuedCertificate root = issuer.root(DevNames.ca(STAAT, "DEV Private Root CA - G1"), caValidity);
        IssuedCertificate domain = issuer.intermediate(root, DevNames.ca(STAAT, "DEV Private Services CA - G1"),
                1, CA_POLICIES, crlUrl("root"), caValidity);
        IssuedCertificate tsp = issuer.intermediate(domain, DevNames.ca("Dev TSP", "DEV TSP Private Services CA - G1"),
                0, CA_POLICIES, crlUrl("domain"), caValidity);
        IssuedCertificate foreignRoot = issuer.root(DevNames.ca("Dev Foreign Trust", "DEV Foreign Root CA"),
                caValidity);

        List<RevokedCertificate> revoked = new ArrayList<>();
        for (DevEndEntity entity : DevEndEntity.values()) {
            IssuedCertificate ee = switch (entity.variant()) {
                case VALID, REVOKED -> issuer.endEntity(tsp, entity.profile(), List.of(POLICY_SERVER),
                        crlUrl("tsp"), eeValidity);
                case EXPIRED -> issuer.endEntity(tsp, entity.profile(), List.of(POLICY_SERVER),
                        crlUrl("tsp"), expired);
                // The foreign root publishes no CRL here; the URL only keeps the certificate's shape uniform.
                case FOREIGN -> issuer.endEntity(foreignRoot, entity.profile(), List.of(POLICY_SERVER),
                        crlUrl("foreign-root"), eeValidity);
            };
            if (entity.variant() == DevEndEntity.Variant.REVOKED) {
                revoked.add(new RevokedCertificate(ee.certificate().getSerialNumber(),
                        now.minus(Duration.ofHours(1)), CRLReason.keyCompromise));
            }
            String name = entity.fileName();
            keystores.writeKeyEntry(directory.resolve(name + ".p12"), name, ee);
            pems.writeCertificate(directory.resolve(name + ".crt"), ee.certificate());
            pems.writePrivateKey(directory.resolve(name + ".key"), ee.privateKey());
            written.addAll(List.of(Path.of(name + ".p12"), Path.of(name + ".crt"), Path.of(name + ".key")));
        }

        Map<String, X509Certificate> trusted = new LinkedHashMap<>();
        trusted.put(ROOT_ALIAS, root.certificate());
        trusted.put(DOMAIN_CA_ALIAS, domain.certificate());
        trusted.put(TSP_CA_ALIAS, tsp.certificate());
        keystores.writeTrustedCertificates(directory.resolve(TRUSTSTORE_FILE), trusted);
        written.add(Path.of(TRUSTSTORE_FILE));

        Map<String, IssuedCertificate> cas = new LinkedHashMap<>();
        cas.put("root", root);
        cas.put("domain", domain);
        cas.put("tsp", tsp);
        cas.put("foreign-root", foreignRoot);
        for (Map.Entry<String, IssuedCertificate> ca : cas.entrySet()) {
            Path file = Path.of("ca", ca.getKey() + ".crt");
            pems.writeCertificate(directory.resolve(file), ca.getValue().certificate());
            written.add(file);
        }

        writeCrl(directory, "root", root, List.of(), crlPeriod, written);
        writeCrl(directory, "domain", domain, List.of(), crlPeriod, written);
        writeCrl(directory, "tsp", tsp, revoked, crlPeriod, written);

        Files.writeString(directory.resolve("README.md"), DevPkiReadme.text(), StandardCharsets.UTF_8);
        written.add(Path.of("README.md"));
        return List.copyOf(written);
    }

    /** The URL where the CA known as {@code name} publishes its CRL; the file is {@code crl/<name>.crl}. */
    public static String crlUrl(String name) {
        return CRL_BASE_URL + name + ".crl";
    }

    private void writeCrl(Path directory, String name, IssuedCertificate ca, List<RevokedCertificate> revoked,
                          Validity period, List<Path> written) throws IOException {
        Path file = Path.of("crl", name + ".crl");
        crls.write(directory.resolve(file), ca, revoked, period, BigInteger.ONE);
        written.add(file);
    }

    private static Instant plusYears(Instant instant, int years) {
        return instant.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }
}
