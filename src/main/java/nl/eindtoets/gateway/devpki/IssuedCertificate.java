package nl.eindtoets.gateway.devpki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate with its private key and its chain: the certificate first, its root last (a root's chain is
 * itself). The chain is what a TLS peer sends, so keystores store it whole.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate itself");
        }
    }

    static IssuedCertificate selfSigned(X509Certificate certificate, PrivateKey privateKey) {
        return new IssuedCertificate(certificate, privateKey, List.of(certificate));
    }

    static IssuedCertificate issuedBy(IssuedCertificate issuer, X509Certificate certificate, PrivateKey privateKey) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return new IssuedCertificate(certificate, privateKey, chain);
    }
}
