package nl.eindtoets.gateway.devpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the certificates of the development PKI with the extensions of the PKIoverheid private services
 * hierarchy (private root, domain CA, TSP CA, end entity): RSA 2048 keys, SHA256withRSA, unpredictable 128-bit serial numbers.
 */
public final class CertificateIssuer {

    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int KEY_SIZE = 2048;

    private final SecureRandom random;
    private final JcaX509ExtensionUtils extensionUtils;

    public CertificateIssuer(SecureRandom random) {
        this.random = random;
        try {
            this.extensionUtils = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is unavailable", e);
        }
    }

    /** A self-signed trust anchor: CA without path length limit, signing certificates and CRLs only. */
    public IssuedCertificate root(X500Name subject, Validity validity) {
        KeyPair keys = newKeyPair();
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), validity);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, caKeyUsage());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return IssuedCertificate.selfSigned(sign(builder, keys.getPrivate()), keys.getPrivate());
    }

    /**
     * An intermediate CA below {@code issuer}, limited to {@code pathLength} further CAs, whose own revocation is
     * published in the issuer's CRL at {@code issuerCrlUrl}.
     */
    public IssuedCertificate intermediate(IssuedCertificate issuer, X500Name subject, int pathLength,
                                          List<String> policyOids, String issuerCrlUrl, Validity validity) {
        KeyPair keys = newKeyPair();
        X509v3CertificateBuilder builder = builder(issuerName(issuer), subject, keys.getPublic(), validity);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, caKeyUsage());
            addPolicies(builder, policyOids);
            addIdentifiersAndCrl(builder, keys.getPublic(), issuer, issuerCrlUrl);
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return IssuedCertificate.issuedBy(issuer, sign(builder, issuer.privateKey()), keys.getPrivate());
    }

    /** A services server certificate usable for both TLS roles and for signing messages. */
    public IssuedCertificate endEntity(IssuedCertificate issuer, EndEntityProfile profile, List<String> policyOids,
                                       String issuerCrlUrl, Validity validity) {
        KeyPair keys = newKeyPair();
        X509v3CertificateBuilder builder = builder(issuerName(issuer), DevNames.endEntity(profile),
                keys.getPublic(), validity);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            addPolicies(builder, policyOids);
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(profile));
            addIdentifiersAndCrl(builder, keys.getPublic(), issuer, issuerCrlUrl);
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return IssuedCertificate.issuedBy(issuer, sign(builder, issuer.privateKey()), keys.getPrivate());
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey publicKey,
                                             Validity validity) {
        return new JcaX509v3CertificateBuilder(issuer, serialNumber(), validity.notBeforeDate(),
                validity.notAfterDate(), subject, publicKey);
    }

    /** 128 bits with the top bit set: always positive, never zero, well over the 64 random bits PKIoverheid asks. */
    private BigInteger serialNumber() {
        return new BigInteger(128, random).setBit(127);
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    private static KeyUsage caKeyUsage() {
        return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    private static X500Name issuerName(IssuedCertificate issuer) {
        return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    }

    private static void addPolicies(X509v3CertificateBuilder builder, List<String> policyOids) throws CertIOException {
        if (policyOids.isEmpty()) {
            return;
        }
        PolicyInformation[] policies = policyOids.stream()
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                .toArray(PolicyInformation[]::new);
        builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies));
    }

    private void addIdentifiersAndCrl(X509v3CertificateBuilder builder, PublicKey subjectKey,
                                      IssuedCertificate issuer, String issuerCrlUrl) throws CertIOException {
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensionUtils.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensionUtils.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
        builder.addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint(issuerCrlUrl));
    }

    private static CRLDistPoint crlDistributionPoint(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    private static GeneralNames subjectAltNames(EndEntityProfile profile) {
        GeneralName[] names = new GeneralName[profile.dnsNames().size() + profile.ipAddresses().size()];
        int i = 0;
        for (String dns : profile.dnsNames()) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        for (String ip : profile.ipAddresses()) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        return new GeneralNames(names);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign the certificate", e);
        }
    }
}
