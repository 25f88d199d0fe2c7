package nl.eindtoets.gateway.request;

import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.eindtoets.gateway.request.Oin;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Reads the OIN from a PKIoverheid certificate's subject serialNumber (2.5.4.5). The JDK renders that attribute as
 * hex in RFC 2253 strings, so the RDN is read from the encoded subject with BouncyCastle instead.
 */
public final class CertificateOin {

    private CertificateOin() {
    }

    /** The OIN, or empty when the subject has no serialNumber or it is not a well-formed OIN. */
    public static Optional<Oin> of(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        if (!(rdns[0].getFirst().getValue() instanceof ASN1String text)) {
            return Optional.empty();
        }
        return Optional.ofNullable(Oin.parseOrNull(text.getString()));
    }
}
