package nl.eindtoets.gateway.devpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads a certs-dev directory the way the gateway will: keystores and truststore with password changeit, the three
 * CRLs, and JDK PKIX validation with self-signed truststore entries as anchors and the others as intermediates.
 */
final class DevPkiFiles {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final Path directory;

    DevPkiFiles(Path directory) {
        this.directory = directory;
    }

    Path file(String relative) {
        return directory.resolve(relative);
    }

    KeyStore keystore(String name) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file(name))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** The key entry of {@code <name>.p12}, read under the alias {@code name}. */
    KeyStore.PrivateKeyEntry keyEntry(String name) throws IOException, GeneralSecurityException {
        return (KeyStore.PrivateKeyEntry) keystore(name + ".p12")
                .getEntry(name, new KeyStore.PasswordProtection(PASSWORD));
    }

    X509Certificate certificate(String name) throws IOException, GeneralSecurityException {
        return (X509Certificate) keyEntry(name).getCertificate();
    }

    List<X509Certificate> chain(String name) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : keyEntry(name).getCertificateChain()) {
            chain.add((X509Certificate) c);
        }
        return chain;
    }

    X509Certificate pemCertificate(String relative) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file(relative))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    PrivateKey pemPrivateKey(String relative) throws IOException {
        try (Reader in = Files.newBufferedReader(file(relative)); PEMParser parser = new PEMParser(in)) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    List<X509Certificate> trustedCertificates() throws IOException, GeneralSecurityException {
        KeyStore store = keystore("truststore.p12");
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            certificates.add((X509Certificate) store.getCertificate(alias));
        }
        return certificates;
    }

    X509CRL crl(String name) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file("crl/" + name + ".crl"))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    /** Validates {@code chain} (end entity first; a trailing self-signed root is dropped) with CRL checking on. */
    void validate(List<X509Certificate> chain) throws IOException, GeneralSecurityException {
        List<X509Certificate> path = new ArrayList<>(chain);
        if (path.size() > 1 && isSelfSigned(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters parameters = new PKIXParameters(anchors());
        configure(parameters);
        CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    }

    /** Builds and validates a path from {@code endEntity} using only the truststore and the CRLs. */
    CertPath buildPath(X509Certificate endEntity) throws IOException, GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(endEntity);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors(), target);
        configure(parameters);
        List<Object> stores = new ArrayList<>(List.of(endEntity));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(stores)));
        return ((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters)).getCertPath();
    }

    private void configure(PKIXParameters parameters) throws IOException, GeneralSecurityException {
        parameters.setRevocationEnabled(true);
        List<Object> material = new ArrayList<>();
        for (X509Certificate c : trustedCertificates()) {
            if (!isSelfSigned(c)) {
                material.add(c);
            }
        }
        material.addAll(Arrays.asList(crl("root"), crl("domain"), crl("tsp")));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(material)));
    }

    private Set<TrustAnchor> anchors() throws IOException, GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate c : trustedCertificates()) {
            if (isSelfSigned(c)) {
                anchors.add(new TrustAnchor(c, null));
            }
        }
        return anchors;
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
