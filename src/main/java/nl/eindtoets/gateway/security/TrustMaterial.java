package nl.eindtoets.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the gateway trusts: the self-signed CA certificates of the trust store are anchors, the other CA
 * certificates are intermediates offered to path building, and the CRLs cover every CA below an anchor.
 * Immutable; a reload makes a new instance.
 */
public final class TrustMaterial {

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;

    public TrustMaterial(Set<TrustAnchor> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("the trust store holds no self-signed trust anchor");
        }
        this.anchors = Collections.unmodifiableSet(new LinkedHashSet<>(anchors));
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
    }

    public static TrustMaterial load(Path trustStore, char[] password, List<Path> crlFiles) {
        KeyStore ks = Keystores.load(trustStore, password);
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate cert) {
                    if (isSelfSigned(cert)) {
                        anchors.add(new TrustAnchor(cert, null));
                    } else {
                        intermediates.add(cert);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read trust store " + trustStore, e);
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : crlFiles) {
            crls.addAll(readCrls(file));
        }
        return new TrustMaterial(anchors, intermediates, crls);
    }

    static List<X509CRL> readCrls(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509CRL> result = new ArrayList<>();
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                result.add((X509CRL) crl);
            }
            return result;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CRL file " + file, e);
        }
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public Set<TrustAnchor> anchors() {
        return anchors;
    }

    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    /** The anchor certificates, e.g. to name acceptable issuers in a TLS CertificateRequest. */
    public X509Certificate[] anchorCertificates() {
        return anchors.stream().map(TrustAnchor::getTrustedCert).toArray(X509Certificate[]::new);
    }
}
