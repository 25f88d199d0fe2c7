package nl.eindtoets.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Validates a certificate (with whatever chain the peer presented) against the {@link TrustMaterial}: a path to a
 * configured anchor, validity dates of every certificate, and revocation of every certificate below the anchor from
 * the configured CRLs only (no OCSP, no fetching: a CA without a current CRL fails; a CRL past its nextUpdate counts as
 * none). Shared by the TLS trust manager
 * and the WS-Security signer check so both layers apply the same rules.
 *
 * <p>Successful validations are remembered briefly per end-entity certificate, because the same LAS certificate
 * arrives on every request; the cache lives as long as this instance, and a trust or CRL reload makes a new one.
 */
public final class CertificateChainValidator {

    private static final String KP_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int KU_DIGITAL_SIGNATURE = 0;

    private final TrustMaterial trust;
    private final Clock clock;
    private final Cache<String, Boolean> recentlyValid;
    private final Date earliestNextUpdate;

    public CertificateChainValidator(TrustMaterial trust, Clock clock, Duration rememberValid) {
        this.trust = trust;
        this.clock = clock;
        this.recentlyValid = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(rememberValid).build();
        this.earliestNextUpdate = trust.crls().stream().map(X509CRL::getNextUpdate).filter(d -> d != null)
                .min(Date::compareTo).orElse(null);
    }

    public TrustMaterial trust() {
        return trust;
    }

    /**
     * Throws when {@code presented.get(0)} does not chain to an anchor, is outside its validity, or is revoked.
     * Further certificates in {@code presented} are only offered as candidate intermediates.
     */
    public void validate(List<X509Certificate> presented) throws CertificateException {
        if (presented == null || presented.isEmpty()) {
            throw new CertificateException("no certificate presented");
        }
        X509Certificate target = presented.get(0);
        String key = fingerprint(target);
        Date now = Date.from(clock.instant());
        // Dates are checked even on a cache hit: a certificate may expire while remembered.
        target.checkValidity(now);
        // Once any CRL has passed its nextUpdate, nothing is taken from memory: the path is judged again without it.
        boolean crlsCurrent = earliestNextUpdate == null || !now.after(earliestNextUpdate);
        if (crlsCurrent && recentlyValid.getIfPresent(key) != null) {
            return;
        }
        try {
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust.anchors(), selector);
            List<Object> material = new ArrayList<>(trust.intermediates());
            material.addAll(presented);
            // A CRL past its nextUpdate is not used at all (the JDK would still accept it for 15 minutes), so its
            // CA's certificates fail from that moment: hard fail until a fresh CRL is loaded.
            trust.crls().stream().filter(c -> c.getNextUpdate() == null || !now.after(c.getNextUpdate()))
                    .forEach(material::add);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(material)));
            params.setDate(now);
            params.setRevocationEnabled(true);
            CertPathBuilder builder = CertPathBuilder.getInstance("PKIX");
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) builder.getRevocationChecker();
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            params.addCertPathChecker(revocation);
            builder.build(params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("certificate path not valid: " + e.getMessage(), e);
        }
        recentlyValid.put(key, Boolean.TRUE);
    }

    /** TLS client certificates: a valid path and, when an EKU is present, clientAuth in it. */
    public void validateTlsClient(List<X509Certificate> presented) throws CertificateException {
        validate(presented);
        List<String> eku = presented.get(0).getExtendedKeyUsage();
        if (eku != null && !eku.contains(KP_CLIENT_AUTH)) {
            throw new CertificateException("certificate is not for client authentication");
        }
    }

    /** Message signers: a valid path and keyUsage digitalSignature. */
    public void validateSigner(List<X509Certificate> presented) throws CertificateException {
        validate(presented);
        boolean[] keyUsage = presented.get(0).getKeyUsage();
        if (keyUsage == null || !keyUsage[KU_DIGITAL_SIGNATURE]) {
            throw new CertificateException("certificate is not for digital signatures");
        }
    }

    private static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
