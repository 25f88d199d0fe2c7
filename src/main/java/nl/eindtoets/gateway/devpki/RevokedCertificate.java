package nl.eindtoets.gateway.devpki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** One CRL entry: the certificate serial number, when it was revoked and why (an RFC 5280 CRLReason code). */
public record RevokedCertificate(BigInteger serialNumber, Instant revokedAt, int reasonCode) {

    public RevokedCertificate {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
