package nl.eindtoets.gateway.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Writes an X.509 v2 CRL (DER) signed by a CA of the development PKI, with authority key id and CRL number. */
public final class CrlWriter {

    public X509CRL write(Path file, IssuedCertificate issuer, List<RevokedCertificate> revoked, Validity period,
                         BigInteger crlNumber) throws IOException {
        X509CRL crl = build(issuer, revoked, period, crlNumber);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
        return crl;
    }

    /** {@code period} gives thisUpdate and nextUpdate. */
    public X509CRL build(IssuedCertificate issuer, List<RevokedCertificate> revoked, Validity period,
                         BigInteger crlNumber) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName, period.notBeforeDate());
        builder.setNextUpdate(period.notAfterDate());
        for (RevokedCertificate entry : revoked) {
            builder.addCRLEntry(entry.serialNumber(), Date.from(entry.revokedAt()), entry.reasonCode());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder(CertificateIssuer.SIGNATURE_ALGORITHM).build(issuer.privateKey())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }
}
